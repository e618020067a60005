/**
 * A strict reader of the Prometheus text exposition format 0.0.4, written from the format's description
 * (prometheus.io "Exposition formats"), independent of lib/monitoring/metrics.ts: tests parse what
 * /api/metrics prints with it rather than comparing strings. Throws on anything a scraper would refuse.
 */
export interface ParsedSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}
export interface ParsedFamily {
  name: string;
  help?: string;
  type?: string;
  samples: ParsedSample[];
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*/;
const TYPES = new Set(["counter", "gauge", "histogram", "summary", "untyped"]);

function parseValue(text: string, line: number): number {
  if (text === "NaN") return Number.NaN;
  if (text === "+Inf") return Infinity;
  if (text === "-Inf") return -Infinity;
  if (!/^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/.test(text)) throw new Error(`line ${line}: "${text}" is not a number`);
  return Number(text);
}

function parseLabels(text: string, line: number): { labels: Record<string, string>; rest: string } {
  const labels: Record<string, string> = {};
  let s = text.slice(1);
  for (;;) {
    s = s.trimStart();
    if (s.startsWith("}")) return { labels, rest: s.slice(1) };
    const name = LABEL.exec(s)?.[0];
    if (!name) throw new Error(`line ${line}: bad label name at "${s.slice(0, 20)}"`);
    if (Object.hasOwn(labels, name)) throw new Error(`line ${line}: label ${name} twice`);
    s = s.slice(name.length).trimStart();
    if (!s.startsWith('="')) throw new Error(`line ${line}: expected =" after ${name}`);
    s = s.slice(2);
    let value = "";
    for (;;) {
      if (s === "") throw new Error(`line ${line}: unterminated label value`);
      const c = s[0];
      if (c === '"') {
        s = s.slice(1);
        break;
      }
      if (c === "\\") {
        const e = s[1];
        if (e === "\\") value += "\\";
        else if (e === '"') value += '"';
        else if (e === "n") value += "\n";
        else throw new Error(`line ${line}: invalid escape \\${e ?? ""}`);
        s = s.slice(2);
        continue;
      }
      value += c;
      s = s.slice(1);
    }
    labels[name] = value;
    s = s.trimStart();
    if (s.startsWith(",")) s = s.slice(1);
    else if (!s.startsWith("}")) throw new Error(`line ${line}: expected , or } after a label`);
  }
}

export function parsePrometheusText(text: string): Map<string, ParsedFamily> {
  if (text !== "" && !text.endsWith("\n")) throw new Error("the exposition must end with a line feed");
  const families = new Map<string, ParsedFamily>();
  const family = (name: string) => {
    let f = families.get(name);
    if (!f) families.set(name, (f = { name, samples: [] }));
    return f;
  };
  const seen = new Set<string>();
  text.split("\n").forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === "") return;
    if (raw.startsWith("#")) {
      const m = /^#\s+(HELP|TYPE)\s+(\S+)(?:\s(.*))?$/.exec(raw);
      if (!m) return; // an ordinary comment
      const [, kind, name, rest = ""] = m;
      if (!NAME.test(name) || NAME.exec(name)![0] !== name) throw new Error(`line ${line}: bad metric name ${name}`);
      const f = family(name);
      if (kind === "HELP") {
        if (f.help !== undefined) throw new Error(`line ${line}: second HELP for ${name}`);
        if (/\\(?![\\n])/.test(rest)) throw new Error(`line ${line}: invalid escape in HELP`);
        f.help = rest.replace(/\\(\\|n)/g, (_, c: string) => (c === "n" ? "\n" : "\\"));
      } else {
        if (f.type !== undefined) throw new Error(`line ${line}: second TYPE for ${name}`);
        if (f.samples.length) throw new Error(`line ${line}: TYPE for ${name} after its samples`);
        if (!TYPES.has(rest.trim())) throw new Error(`line ${line}: unknown type ${rest}`);
        f.type = rest.trim();
      }
      return;
    }
    const name = NAME.exec(raw)?.[0];
    if (!name) throw new Error(`line ${line}: a sample must start with a metric name`);
    let rest = raw.slice(name.length);
    let labels: Record<string, string> = {};
    if (rest.startsWith("{")) ({ labels, rest } = parseLabels(rest, line));
    const parts = rest.trim().split(/\s+/);
    if (parts.length < 1 || parts.length > 2 || parts[0] === "") throw new Error(`line ${line}: expected a value (and an optional timestamp)`);
    const value = parseValue(parts[0], line);
    if (parts[1] !== undefined && !/^-?\d+$/.test(parts[1])) throw new Error(`line ${line}: bad timestamp`);
    const key = `${name}${JSON.stringify(Object.entries(labels).sort())}`;
    if (seen.has(key)) throw new Error(`line ${line}: duplicate sample ${key}`);
    seen.add(key);
    family(name).samples.push({ name, labels, value });
  });
  return families;
}

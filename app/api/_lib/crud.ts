import { z, type ZodType } from "zod";

import { getDb } from "@/db/client";
import type { Db } from "@/db/client";
import type { Who } from "@/db/queries/errors";
import { IdParamSchema } from "@/lib/inventory/api";

import { readJson } from "./read-json";
import { noContent, ok } from "./respond";
import { route } from "./guard";

/**
 * The five verbs of a simple inventory record (computers, keys, servers, infobases): list (filtered, sorted,
 * paged by the query string), create → 201 `{ <name>: … }`, read, patch, delete → 204. Every step is the
 * usual route: parse with zod, call db/queries, parse the output, respond.
 */
export function collectionRoutes<Q, L, N, W>(spec: {
  name: string;
  listQuery: ZodType<Q>;
  listResponse: ZodType<L>;
  list: (db: Db, query: Q) => L;
  create: { input: ZodType<N>; run: (db: Db, input: N, who: Who) => W; wire: ZodType<W> };
}) {
  const created = z.object({ [spec.name]: spec.create.wire });
  return {
    GET: route((request) => ok(spec.listResponse, spec.list(getDb(), spec.listQuery.parse(Object.fromEntries(new URL(request.url).searchParams))))),
    POST: route(async (request, { actor, address }) => {
      const input = spec.create.input.parse(await readJson(request));
      return ok(created, { [spec.name]: spec.create.run(getDb(), input, { actor, address }) }, 201);
    }),
  };
}

export function itemRoutes<D, P, W>(spec: {
  name: string;
  detail: { schema: ZodType<D>; run: (db: Db, id: number) => D };
  patch: { input: ZodType<P>; run: (db: Db, id: number, patch: P, who: Who) => W; wire: ZodType<W> };
  remove: (db: Db, id: number, who: Who) => void;
}) {
  const updated = z.object({ [spec.name]: spec.patch.wire });
  return {
    GET: route<{ id: string }>((_request, { params }) => ok(spec.detail.schema, spec.detail.run(getDb(), IdParamSchema.parse(params).id))),
    PATCH: route<{ id: string }>(async (request, { params, actor, address }) => {
      const { id } = IdParamSchema.parse(params);
      const patch = spec.patch.input.parse(await readJson(request));
      return ok(updated, { [spec.name]: spec.patch.run(getDb(), id, patch, { actor, address }) });
    }),
    DELETE: route<{ id: string }>((_request, { params, actor, address }) => {
      spec.remove(getDb(), IdParamSchema.parse(params).id, { actor, address });
      return noContent();
    }),
  };
}

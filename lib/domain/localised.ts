/** A sentence the engine writes for people, in both catalog languages (English and Russian). */
export interface Localised {
  en: string;
  ru: string;
}

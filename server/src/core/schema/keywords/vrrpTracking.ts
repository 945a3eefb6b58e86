import type { KeywordSpec } from "../types";

export const keywords: KeywordSpec[] = [];

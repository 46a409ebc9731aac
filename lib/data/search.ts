import "server-only";
import * as query from "@/lib/search/query";
import { publicRead } from "./public-read";

/** Search over published content: public, so no user is needed. */
export const search = publicRead(query.search);

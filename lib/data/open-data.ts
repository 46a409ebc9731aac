import "server-only";
import * as budgetLines from "@/lib/api/queries/budget-lines";
import * as departments from "@/lib/api/queries/departments";
import * as documents from "@/lib/api/queries/documents";
import * as nodes from "@/lib/api/queries/nodes";
import * as progressEntries from "@/lib/api/queries/progress-entries";
import * as reportFigures from "@/lib/api/queries/report-figures";
import * as search from "@/lib/api/queries/search";
import { publicRead } from "./public-read";

/** The open-data API's reads (/api/v1): published data only, so no user is needed. */
export const listApiBudgetLines = publicRead(budgetLines.listApiBudgetLines);
export const listApiDepartments = publicRead(departments.listApiDepartments);
export const getApiDepartment = publicRead(departments.getApiDepartment);
export const listApiDocuments = publicRead(documents.listApiDocuments);
export const getApiDocument = publicRead(documents.getApiDocument);
export const listApiNodes = publicRead(nodes.listApiNodes);
export const getApiNode = publicRead(nodes.getApiNode);
export const listApiProgressEntries = publicRead(progressEntries.listApiProgressEntries);
export const listApiReportFigures = publicRead(reportFigures.listApiReportFigures);
export const searchApi = publicRead(search.searchApi);

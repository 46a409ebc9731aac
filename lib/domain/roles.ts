/** The portal's roles, as in the schema's Role enum: admin, staff (of departments), councillor. */
export const ROLES = ["admin", "staff", "councillor"] as const;

import pg from "pg";

const PG_CHAR = 18;
const PG_NAME = 19;
const PG_TEXT = 25;

let patched = false;

/**
 * prisma/orm#27403: the schema engine's catalogue queries return columns of type `char` and `name`,
 * which @prisma/adapter-pg 6.19 cannot map ("Column type 'name' could not be deserialized").
 * Both are text on the wire, so we relabel them as text before the adapter sees them.
 * Only the migrate CLI needs this; the app's own queries never select those types.
 */
export function patchPgCatalogTypes(): void {
  if (patched) return;
  patched = true;
  const proto = pg.Result.prototype as unknown as {
    addFields(fields: Array<{ dataTypeID: number }>): void;
  };
  const original = proto.addFields;
  proto.addFields = function addFields(fields) {
    for (const field of fields) {
      if (field.dataTypeID === PG_CHAR || field.dataTypeID === PG_NAME) field.dataTypeID = PG_TEXT;
    }
    return original.call(this, fields);
  };
}

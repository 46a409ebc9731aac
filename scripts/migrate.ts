/** `npm run db:migrate`: apply committed migrations to the selected database. */
import { prepareDatabase } from "@/lib/bootstrap";
import { runMain } from "./cli";

runMain(async () => {
  const { database } = await prepareDatabase({ seedsDir: "seeds", seed: false });
  console.log(`Migrations applied to ${database.description}.`);
  await database.close();
});

/** `npm run db:seed`: migrate, then import the seed documents if the database has none. */
import { formatSeedReport, prepareDatabase } from "@/lib/bootstrap";
import { runMain } from "./cli";

runMain(async () => {
  const { database, seed } = await prepareDatabase({ seedsDir: "seeds", seed: true });
  console.log(`Database: ${database.description}`);
  for (const line of formatSeedReport(seed)) console.log(line);
  await database.close();
  if (seed && seed.failed.length > 0) process.exitCode = 1;
});

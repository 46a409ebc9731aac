import { SignedInLayout } from "../signed-in-layout";

// Every staff page depends on who is signed in: never cached.
export const dynamic = "force-dynamic";

export default SignedInLayout;

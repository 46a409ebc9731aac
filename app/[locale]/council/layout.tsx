import { SignedInLayout } from "../signed-in-layout";

// These pages depend on who is signed in: never cached. Each page checks its own permission;
// the shared frame shows who is signed in, what waits for them and the way out.
export const dynamic = "force-dynamic";

export default SignedInLayout;

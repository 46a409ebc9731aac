import { SignedInLayout } from "../signed-in-layout";

// One's own account depends on who is signed in: never cached.
export const dynamic = "force-dynamic";

export default SignedInLayout;

import { SignedInLayout } from "../signed-in-layout";

// The 研考會's pages depend on who is signed in: never cached.
export const dynamic = "force-dynamic";

export default SignedInLayout;

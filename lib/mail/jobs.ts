import { defineJob } from "@/lib/jobs/define";
import { mailMessageSchema } from "./message";
import { sendMail } from "./transport";

/**
 * Sends one message. A failure (the server is down, refuses every recipient, times out) is retried
 * five times, each wait about twice the last (1–2, 2–4, 4–8, 8–16, 16–32 minutes); then the job stays failed in the
 * queue. An attempt whose process died mid-send is retried after two minutes: the recipient may then
 * get the message twice, never zero times.
 */
export const mailSendJob = defineJob({
  name: "mail.send",
  data: mailMessageSchema,
  queue: { retryLimit: 5, retryDelaySeconds: 60, retryBackoff: true, expireInSeconds: 120 },
  run: (message, { mail }) => sendMail(message, mail),
});

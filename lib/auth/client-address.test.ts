import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

// Issue 16, finding 2: the sign-in limit took the LEFT-most X-Forwarded-For entry, which the client
// writes. Rotating it got 0 of 60 failures blocked; sending a victim's address locked the victim out.
describe("clientAddress", () => {
  it("without a proxy, ignores what a client put in front of the peer", () => {
    // Direct connection: Next sets the header to the socket's address.
    expect(clientAddress("203.0.113.7", 0)).toBe("203.0.113.7");
    // Extra entries in front (the old code took the first one): only the right-most counts.
    expect(clientAddress("198.51.100.1, 203.0.113.7", 0)).toBe("203.0.113.7");
  });

  it("behind one proxy, takes the address that proxy appended, not the client's forgery", () => {
    expect(clientAddress("10.9.9.9, 198.51.100.23", 1)).toBe("198.51.100.23");
    expect(clientAddress("198.51.100.23", 1)).toBe("198.51.100.23");
  });

  it("behind two proxies, takes the address the outer one saw", () => {
    expect(clientAddress("6.6.6.6, 198.51.100.23, 10.0.0.2", 2)).toBe("198.51.100.23");
  });

  it("with fewer hops than trusted proxies, the left-most", () => {
    expect(clientAddress("198.51.100.23", 3)).toBe("198.51.100.23");
  });

  it("rotating the forged part does not change the address", () => {
    const seen = new Set(
      Array.from({ length: 60 }, (_, i) => clientAddress(`10.0.${i}.1, 198.51.100.23`, 1)),
    );
    expect([...seen]).toEqual(["198.51.100.23"]);
  });

  it("normalises ports, brackets, case and IPv4-mapped IPv6", () => {
    expect(clientAddress("203.0.113.7:51234", 0)).toBe("203.0.113.7");
    expect(clientAddress("[2001:DB8::1]:443", 0)).toBe("2001:db8::1");
    expect(clientAddress("::ffff:127.0.0.1", 0)).toBe("127.0.0.1");
    expect(clientAddress("::1", 0)).toBe("::1");
  });

  it("answers null for no header or something that is not an address", () => {
    expect(clientAddress(null, 0)).toBeNull();
    expect(clientAddress("", 1)).toBeNull();
    expect(clientAddress(" , ", 1)).toBeNull();
    expect(clientAddress("unknown", 0)).toBeNull();
    expect(clientAddress("<script>", 0)).toBeNull();
  });
});

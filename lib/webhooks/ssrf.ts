import "server-only";
import dns from "node:dns";
import net from "node:net";
import { AppError } from "@/lib/errors";

/**
 * Whether an address is one a webhook must not reach unless allowed: loopback, private (RFC 1918,
 * unique-local), link-local (cloud metadata at 169.254.169.254), CGNAT, multicast, unspecified.
 */
export function isPrivateAddress(address: string): boolean {
  const v4 = address.startsWith("::ffff:") && net.isIPv4(address.slice(7)) ? address.slice(7) : address;
  if (net.isIPv4(v4)) {
    const [a, b] = v4.split(".").map(Number);
    return a === 0 || a === 10 || a === 127 || (a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 198 && (b === 18 || b === 19)) || a >= 224;
  }
  const v6 = address.toLowerCase();
  return v6 === "::" || v6 === "::1" || v6.startsWith("fe8") || v6.startsWith("fe9") || v6.startsWith("fea") || v6.startsWith("feb") ||
    v6.startsWith("fc") || v6.startsWith("fd") || v6.startsWith("ff") || v6.startsWith("64:ff9b:");
}

export type UrlPolicy = { allowLocal: boolean };

/** Check an endpoint URL's form: HTTPS only (plain HTTP only to loopback, and only when local addresses are allowed). */
export function checkWebhookUrl(raw: string, policy: UrlPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError("VALIDATION", "Enter a full URL, like https://hooks.example.com/recap.", "url");
  }
  if (url.username || url.password) throw new AppError("VALIDATION", "Put no user name or password in the URL; deliveries are signed instead.", "url");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (url.protocol === "http:") {
    const loopback = host === "127.0.0.1" || host === "::1" || host === "localhost";
    if (!(policy.allowLocal && loopback)) {
      throw new AppError("VALIDATION", "Webhook URLs must use https:// (plain http:// is allowed only to 127.0.0.1, and only with RECAP_WEBHOOKS_ALLOW_LOCAL=1).", "url");
    }
  } else if (url.protocol !== "https:") {
    throw new AppError("VALIDATION", "Webhook URLs must use https://.", "url");
  }
  if (!policy.allowLocal && net.isIP(host) && isPrivateAddress(host)) {
    throw new AppError("VALIDATION", `${host} is a private or loopback address; webhooks go to public addresses (RECAP_WEBHOOKS_ALLOW_LOCAL=1 allows local ones).`, "url");
  }
  return url;
}

/**
 * A `lookup` for http(s).request that refuses private addresses at connect time, so a name that
 * resolves to a public address when saved and to 127.0.0.1 later (DNS rebinding) is still refused.
 */
export function guardedLookup(policy: UrlPolicy): net.LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, "", 0);
      const list = addresses as dns.LookupAddress[];
      const refused = list.find((a) => !policy.allowLocal && isPrivateAddress(a.address));
      if (refused) {
        return callback(Object.assign(new Error(`${hostname} resolves to ${refused.address}, a private address; refused`), { code: "EPRIVATE" }), "", 0);
      }
      if ((options as dns.LookupOptions).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      callback(null, list[0].address, list[0].family);
    });
  };
}

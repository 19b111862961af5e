// The webhook SSRF guard over every address notation that reaches loopback, private networks or metadata services:
// IPv6 forms that carry an IPv4 (mapped, compatible, translated, NAT64, 6to4, Teredo) are judged by that IPv4.
import { describe, expect, it } from "vitest";
import { checkWebhookUrl, classifyAddress } from "@/lib/webhooks/url-guard";

const loopbackUrls = [
  "http://127.0.0.1/hook",
  "http://127.1/hook",
  "http://2130706433/hook",
  "http://0x7f.0.0.1/hook",
  "http://0177.0.0.1/hook",
  "http://0.0.0.0/hook",
  "http://[::1]/hook",
  "http://[::]/hook",
  "http://[::ffff:127.0.0.1]/hook",
  "http://[::ffff:7f00:1]/hook",
  "http://[0:0:0:0:0:ffff:127.0.0.1]/hook",
  "http://[0000:0000:0000:0000:0000:ffff:7f00:0001]/hook",
  "http://[::127.0.0.1]/hook",
  "http://[::7f00:1]/hook",
  "http://[::ffff:0:127.0.0.1]/hook",
  "http://[64:ff9b::127.0.0.1]/hook",
  "http://[64:ff9b::7f00:1]/hook",
  "http://[2002:7f00:1::]/hook",
  "http://[2002:7f00:0001:0:0:0:0:1]/hook",
  "http://localhost/hook",
  "http://LOCALHOST./hook",
  "http://api.localhost/hook",
];

const privateUrls = [
  "http://10.1.2.3/hook",
  "http://172.16.0.1/hook",
  "http://192.168.1.20/hook",
  "http://100.64.0.1/hook",
  "http://[::ffff:10.0.0.1]/hook",
  "http://[::ffff:c0a8:114]/hook",
  "http://[::192.168.1.20]/hook",
  "http://[64:ff9b::10.0.0.1]/hook",
  "http://[64:ff9b::ac10:1]/hook",
  "http://[64:ff9b:1::a00:1]/hook",
  "http://[2002:c0a8:114::1]/hook",
  "http://[2002:a00:1::]/hook",
  "http://[fd12:3456::1]/hook",
  "http://[fc00::1]/hook",
];

const linkLocalUrls = [
  "http://169.254.169.254/latest/meta-data/",
  "http://[::ffff:169.254.169.254]/latest",
  "http://[::ffff:a9fe:a9fe]/latest",
  "http://[0:0:0:0:0:ffff:169.254.169.254]/latest",
  "http://[::169.254.169.254]/latest",
  "http://[64:ff9b::a9fe:a9fe]/latest",
  "http://[64:ff9b::169.254.169.254]/latest",
  "http://[2002:a9fe:a9fe::]/latest",
  "http://[fe80::1]/hook",
  "http://[febf::1]/hook",
  "http://100.100.100.200/latest/meta-data/",
  "http://[::ffff:100.100.100.200]/latest",
  "http://[fd00:ec2::254]/latest",
  "http://metadata.google.internal/computeMetadata/v1/",
  "http://metadata.google.internal./computeMetadata/v1/",
  "http://metadata.tencentyun.com/latest",
];

const publicUrls = [
  "https://example.com/hook",
  "https://93.184.216.34/hook",
  "https://[2606:2800:220:1:248:1893:25c8:1946]/hook",
  "https://[::ffff:93.184.216.34]/hook",
  "https://[64:ff9b::5db8:d822]/hook",
  "https://[2002:5db8:d822::1]/hook",
];

describe("webhook URL guard", () => {
  it.each(loopbackUrls)("refuses loopback %s unless private networks are allowed", (url) => {
    expect(checkWebhookUrl(url, false)).toBe("private_network");
    expect(checkWebhookUrl(url, true)).toBeNull();
  });

  it.each(privateUrls)("refuses private %s unless private networks are allowed", (url) => {
    expect(checkWebhookUrl(url, false)).toBe("private_network");
    expect(checkWebhookUrl(url, true)).toBeNull();
  });

  it.each(linkLocalUrls)("always refuses link-local / metadata %s", (url) => {
    expect(checkWebhookUrl(url, false)).toBe("link_local");
    expect(checkWebhookUrl(url, true)).toBe("link_local");
  });

  it.each(publicUrls)("accepts public %s", (url) => {
    expect(checkWebhookUrl(url, false)).toBeNull();
  });

  it("refuses other schemes, credentials and garbage", () => {
    expect(checkWebhookUrl("ftp://example.com/x", true)).toBe("scheme");
    expect(checkWebhookUrl("file:///etc/passwd", true)).toBe("scheme");
    expect(checkWebhookUrl("https://user:pw@example.com/", true)).toBe("credentials");
    expect(checkWebhookUrl("not a url", true)).toBe("invalid_url");
    expect(checkWebhookUrl("http://[::ffff:127.0.0.1/", true)).toBe("invalid_url");
  });
});

describe("address classifier (resolved addresses)", () => {
  it("classifies addresses as DNS returns them, mapped forms by the IPv4 they carry", () => {
    expect(classifyAddress("127.0.0.1")).toBe("private");
    expect(classifyAddress("::ffff:127.0.0.1")).toBe("private");
    expect(classifyAddress("::ffff:7f00:1")).toBe("private");
    expect(classifyAddress("0:0:0:0:0:ffff:127.0.0.1")).toBe("private");
    expect(classifyAddress("::127.0.0.1")).toBe("private");
    expect(classifyAddress("::ffff:a9fe:a9fe")).toBe("link_local");
    expect(classifyAddress("64:ff9b::a9fe:a9fe")).toBe("link_local");
    expect(classifyAddress("2002:a9fe:a9fe::1")).toBe("link_local");
    expect(classifyAddress("fe80::1%eth0")).toBe("link_local");
    expect(classifyAddress("8.8.8.8")).toBe("public");
    expect(classifyAddress("2001:4860:4860::8888")).toBe("public");
    // Teredo: the client's IPv4 is stored inverted (here 127.0.0.1 → 80ff:fffe).
    expect(classifyAddress("2001:0:5db8:d822::80ff:fffe")).toBe("private");
    expect(classifyAddress("example.com")).toBeNull();
    expect(classifyAddress("1.2.3")).toBeNull();
  });
});

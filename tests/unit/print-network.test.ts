import { describe, expect, it } from 'vitest';
import { NO_NETWORK_ARGS, NO_NETWORK_SWITCHES, isPrintRequestAllowed } from '../../src/main/security/network';
import { CHROMIUM_ARGS } from '../../src/main/export/pdf/chromium';
import { nonLoopbackConnects } from '../support/strace';

const FILE = 'file:///tmp/minuta-print-abc/print.html';

describe("the print window's request rule", () => {
  it('allows the one file it prints and the data: URLs inside it (the fonts)', () => {
    expect(isPrintRequestAllowed(FILE, FILE)).toBe(true);
    expect(isPrintRequestAllowed('data:font/woff2;base64,d09GMgABAAAAA', FILE)).toBe(true);
  });

  it.each([
    'https://update.googleapis.com/service/update2/json',
    'http://127.0.0.1:8080/x.css',
    'http://localhost/',
    'ws://localhost:9222/devtools',
    'wss://example.org/',
    'ftp://example.org/file',
    'blob:file:///1234',
    'file:///etc/passwd',
    'file:///tmp/minuta-print-abc/other.html',
    `${FILE}?x=1`,
    `${FILE}#y`,
    'FILE:///tmp/minuta-print-abc/print.html.evil',
    'chrome://settings',
    'javascript:alert(1)',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isPrintRequestAllowed(url, FILE)).toBe(false);
  });
});

describe('the no-network switches', () => {
  it('are in every Chromium we launch, the host-resolver rule included', () => {
    for (const arg of NO_NETWORK_ARGS) expect(CHROMIUM_ARGS).toContain(arg);
    expect(CHROMIUM_ARGS).toContain('--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost');
  });

  it('never replace the launcher\'s own feature lists (Chromium keeps only the last --disable-features)', () => {
    expect(NO_NETWORK_SWITCHES.map(([name]) => name)).not.toContain('disable-features');
    expect(NO_NETWORK_SWITCHES.map(([name]) => name)).not.toContain('enable-features');
  });
});

describe('reading an strace log for connections off the machine', () => {
  const log = [
    '7164  connect(122, {sa_family=AF_UNIX, sun_path="/var/run/nscd/socket"}, 110) = -1 ENOENT (No such file or directory)',
    '7255  connect(21, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "2001:4860:4860::8888", &sin6_addr), sin6_scope_id=0}, 28 <unfinished ...>',
    '7255  connect(24, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("10.255.255.53")}, 16) = 0',
    '7255  connect(25, {sa_family=AF_INET, sin_port=htons(9), sin_addr=inet_addr("127.0.0.1")}, 16) = -1 ECONNREFUSED',
    '7255  connect(26, {sa_family=AF_INET6, sin6_port=htons(9), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "::1", &sin6_addr), sin6_scope_id=0}, 28) = -1',
    '7255  sendto(27, "\\1\\2", 2, 0, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("8.8.8.8")}, 16) = 2',
    '7255  sendmsg(12, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="CHILD_PING\\0", iov_len=11}], msg_iovlen=1}, MSG_NOSIGNAL) = 11',
    '7165  sendto(32, [{nlmsg_len=17, nlmsg_type=RTM_GETADDR}], 17, 0, {sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}, 12) = 17',
    '7255  connect(28, {sa_family=AF_INET, sin_port=htons(443), sin_addr=inet_addr("127.8.9.10")}, 16) = 0',
    '7255  connect(29, {sa_family=AF_UNSPEC, sa_data="\\0\\0"}, 16) = 0',
  ].join('\n');

  it('finds IPv4 and IPv6 connects and sends to other hosts, and nothing on loopback, AF_UNIX or netlink', () => {
    const found = nonLoopbackConnects(log);
    expect(found.map((f) => f.address)).toEqual(['[2001:4860:4860::8888]:443', '10.255.255.53:53', '8.8.8.8:53']);
    expect(found.map((f) => f.call)).toEqual(['connect', 'connect', 'sendto']);
  });
});

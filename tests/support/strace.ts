/**
 * Reading `strace -f -e trace=connect,sendto,sendmsg` output for attempts to reach another machine:
 * an AF_INET or AF_INET6 address that is not loopback (127.0.0.0/8, ::1). AF_UNIX (Chromium's own
 * processes, D-Bus) and AF_NETLINK (the kernel) stay on the machine and are not counted.
 */
export interface OffMachineAttempt {
  call: 'connect' | 'sendto' | 'sendmsg';
  /** `1.2.3.4:53` or `[2001:db8::1]:443`. */
  address: string;
  line: string;
}

const CALL = /\b(connect|sendto|sendmsg)\(/;
const INET = /sa_family=AF_INET, sin_port=htons\((\d+)\), sin_addr=inet_addr\("([^"]+)"\)/;
const INET6 = /sa_family=AF_INET6, sin6_port=htons\((\d+)\).*?inet_pton\(AF_INET6, "([^"]+)"/;

const loopback4 = (ip: string) => ip.startsWith('127.');
const loopback6 = (ip: string) => ip === '::1' || /^::ffff:127\./i.test(ip);

export function nonLoopbackConnects(log: string): OffMachineAttempt[] {
  const found: OffMachineAttempt[] = [];
  for (const line of log.split('\n')) {
    const call = CALL.exec(line)?.[1] as OffMachineAttempt['call'] | undefined;
    if (!call) continue;
    const v4 = INET.exec(line);
    if (v4 && !loopback4(v4[2]!)) found.push({ call, address: `${v4[2]}:${v4[1]}`, line });
    const v6 = INET6.exec(line);
    if (v6 && !loopback6(v6[2]!)) found.push({ call, address: `[${v6[2]}]:${v6[1]}`, line });
  }
  return found;
}

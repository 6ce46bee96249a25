import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { Agent, request } from 'node:http';

/** Keep-alive HTTP/1.1 from node:http: cheap enough that the client is not what is measured (fetch was). */
const agent = new Agent({ keepAlive: true, maxSockets: 256 });

/** One request; resolves to its status once the answer is read. */
export function send(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const req = request(url, { method: init.method ?? 'GET', headers: init.headers, agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

/** `count` requests, `concurrency` at a time; requests/s and how many were not 200. */
export async function drive(count: number, concurrency: number, one: (i: number) => Promise<number>) {
  let next = 0;
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) if ((await one(next++)) !== 200) errors++;
    }),
  );
  return { perSecond: count / ((performance.now() - started) / 1000), errors };
}

export type Cpu = Record<'client' | 'wrangler' | 'proxy' | 'worker', number>;

/**
 * CPU seconds used so far by each process on the path: this client, wrangler (Node), and the two workerd
 * processes of `wrangler dev` (the worker's, which holds the local D1 files, and the proxy in front of it).
 */
export function cpuSeconds(): Cpu {
  const out = { client: 0, wrangler: 0, proxy: 0, worker: 0 };
  const used = (pid: string) => {
    const fields = (readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1] ?? '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks of 1/100 s
  };
  for (const line of execFileSync('ps', ['-eo', 'pid=,comm=,args=']).toString().split('\n')) {
    const [, pid = '', comm = '', args = ''] = /^\s*(\d+)\s+(\S+)\s+(.*)$/.exec(line) ?? [];
    try {
      if (Number(pid) === process.pid) out.client += used(pid);
      else if (args.includes('wrangler-dist')) out.wrangler += used(pid);
      else if (comm === 'workerd') {
        const holdsD1 = readdirSync(`/proc/${pid}/fd`).some((fd) => {
          try {
            return readlinkSync(`/proc/${pid}/fd/${fd}`).endsWith('.sqlite');
          } catch {
            return false;
          }
        });
        out[holdsD1 ? 'worker' : 'proxy'] += used(pid);
      }
    } catch {
      /* gone meanwhile */
    }
  }
  return out;
}

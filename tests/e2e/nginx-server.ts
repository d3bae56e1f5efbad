import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/*
 * Runs nginx with the repository's config (deploy/nginx.conf.template) on a free port, as a
 * child of the test (`daemon off`), with its pid file, logs and temp directories in a temp
 * directory of its own, so it needs no system paths, works as root or not, and leaves nothing
 * running or written behind.
 */

export const TEMPLATE = resolve('deploy/nginx.conf.template');

/** nginx from NGINX_PATH, the PATH, or Debian's /usr/sbin/nginx; null when there is none. */
export function findNginx(): string | null {
  const candidates = [process.env.NGINX_PATH, '/usr/sbin/nginx', '/usr/local/sbin/nginx'];
  const which = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' });
  if (which.status === 0 && which.stdout.trim()) candidates.splice(1, 0, which.stdout.trim());
  return candidates.find((path): path is string => !!path && existsSync(path)) ?? null;
}

/** The site config with its port and root filled in, as the nginx image's envsubst does. */
export function renderSite(port: number | string, root: string): string {
  return readFileSync(TEMPLATE, 'utf8')
    .replaceAll('${HOC_PORT}', String(port))
    .replaceAll('${HOC_ROOT}', root);
}

const freePort = () =>
  new Promise<number>((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });

export interface RunningNginx {
  url: string;
  stop: () => Promise<void>;
}

export async function startNginx(binary: string, root: string): Promise<RunningNginx> {
  const dir = mkdtempSync(join(tmpdir(), 'hoc-nginx-'));
  for (const sub of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, sub));
  const port = await freePort();
  const mimeTypes = ['/etc/nginx/mime.types', '/usr/local/etc/nginx/mime.types'].find(existsSync);
  const asRoot = process.getuid?.() === 0;
  writeFileSync(join(dir, 'site.conf'), renderSite(`127.0.0.1:${port}`, resolve(root)));
  writeFileSync(
    join(dir, 'nginx.conf'),
    [
      'daemon off;',
      'worker_processes 1;',
      // As root nginx would switch its worker to "nobody", who may not read the checkout.
      asRoot ? 'user root;' : '',
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/error.log warn;`,
      'events { worker_connections 64; }',
      'http {',
      mimeTypes ? `  include ${mimeTypes};` : '',
      '  default_type application/octet-stream;',
      '  access_log off;',
      `  client_body_temp_path ${dir}/client_body;`,
      `  proxy_temp_path ${dir}/proxy;`,
      `  fastcgi_temp_path ${dir}/fastcgi;`,
      `  uwsgi_temp_path ${dir}/uwsgi;`,
      `  scgi_temp_path ${dir}/scgi;`,
      `  include ${dir}/site.conf;`,
      '}',
      '',
    ].join('\n'),
  );
  const args = ['-p', `${dir}/`, '-e', `${dir}/error.log`, '-c', `${dir}/nginx.conf`];
  const check = spawnSync(binary, ['-t', ...args], { encoding: 'utf8' });
  if (check.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`nginx rejected the config:\n${check.stderr}`);
  }
  const child: ChildProcess = spawn(binary, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGQUIT'); // graceful: the master stops its worker and exits
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // Up when it answers.
  for (let i = 0; i < 100; i += 1) {
    if (child.exitCode !== null) break;
    try {
      await fetch(url);
      return { url, stop };
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  const log = existsSync(join(dir, 'error.log'))
    ? readFileSync(join(dir, 'error.log'), 'utf8')
    : '';
  await stop();
  throw new Error(`nginx did not start on ${url}:\n${log}`);
}

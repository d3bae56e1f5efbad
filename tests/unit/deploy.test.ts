import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../vite.config';

/*
 * One Content-Security-Policy: vite.config.ts writes it into the built page's <meta>; the nginx
 * config sends the same as a header, with frame-ancestors (which only a header can carry).
 */
const template = readFileSync('deploy/nginx.conf.template', 'utf8');

describe('deploy/nginx.conf.template', () => {
  it('sends the policy of vite.config.ts, plus frame-ancestors none', () => {
    const header = /add_header Content-Security-Policy "([^"]+)" always;/.exec(template)?.[1];
    expect(header).toBe(`${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
  });

  it('takes its port and root from the environment, like the nginx image renders templates', () => {
    expect(template).toContain('listen ${HOC_PORT};');
    expect(template).toContain('root ${HOC_ROOT};');
    const dockerfile = readFileSync('Dockerfile', 'utf8');
    expect(dockerfile).toContain(
      'COPY deploy/nginx.conf.template /etc/nginx/templates/default.conf.template',
    );
    expect(dockerfile).toMatch(/HOC_PORT=8080/);
  });
});

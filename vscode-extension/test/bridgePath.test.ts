import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expandSourceRoots, resolveBridge, ResolveInput } from '../src/bridgePath';

const base: ResolveInput = {
  configured: '', extensionPath: '/ext', workspaceFolders: ['/repo/samples/Shop'], envPath: '/usr/bin:/opt/bin', home: '/home/u',
  isFile: () => false,
};

test('the setting wins; a .dll runs under dotnet', () => {
  assert.deepEqual(resolveBridge({ ...base, configured: '/opt/dt/devtools.dll', isFile: () => true }),
    { command: 'dotnet', args: ['/opt/dt/devtools.dll', 'lsp'], origin: 'setting' });
  assert.deepEqual(resolveBridge({ ...base, configured: ' ~/bin/devtools ' }),
    { command: '/home/u/bin/devtools', args: ['lsp'], origin: 'setting' });
});

test('then the bundled bridge, then PATH, then the repository script', () => {
  assert.deepEqual(resolveBridge({ ...base, isFile: p => p === '/ext/server/devtools.dll' || p === '/opt/bin/devtools' }),
    { command: 'dotnet', args: ['/ext/server/devtools.dll', 'lsp'], origin: 'bundled' });
  assert.deepEqual(resolveBridge({ ...base, isFile: p => p === '/opt/bin/devtools' || p === '/repo/devtools' }),
    { command: '/opt/bin/devtools', args: ['lsp'], origin: 'path' });
  assert.deepEqual(resolveBridge({ ...base, isFile: p => p === '/repo/devtools' }),
    { command: '/repo/devtools', args: ['lsp'], origin: 'workspace' });
  assert.equal(resolveBridge(base), undefined);
});

test('source roots: variables, relative paths, mappings, junk dropped', () => {
  const folders = [{ name: 'shop', path: '/w/shop' }, { name: 'lib', path: '/w/lib' }];
  assert.deepEqual(expandSourceRoots([
    '${workspaceFolder}/src', '${workspaceFolder:lib}', 'rel/dir', '~/code', '${workspaceFolder:nope}/x',
    { from: '/src', to: '${workspaceFolder}' }, { from: '', to: '/x' }, { from: '/a' }, 42, null,
  ], folders, '/home/u'), ['/w/shop/src', '/w/lib', '/w/shop/rel/dir', '/home/u/code', { from: '/src', to: '/w/shop' }]);
  assert.deepEqual(expandSourceRoots('nope', folders, '/h'), []);
  assert.deepEqual(expandSourceRoots(['rel'], [], '/h'), []);
});

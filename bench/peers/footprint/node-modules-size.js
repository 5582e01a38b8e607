// @ts-check
// Measures an installed node_modules tree the same way for every implementation: the packages in
// it (nested ones too) and the bytes of their files, npm's own bookkeeping (.bin, lock) left out.
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * @param {string} nodeModules  path of a node_modules folder
 * @returns {Promise<{ packages: number, installedBytes: number }>}
 */
export async function measureNodeModules(nodeModules) {
  let packages = 0;
  let installedBytes = 0;
  for (const folder of await packageFolders(nodeModules)) {
    packages++;
    installedBytes += await folderBytes(folder);
    const nested = join(folder, 'node_modules');
    if (await isFolder(nested)) {
      const inner = await measureNodeModules(nested);
      packages += inner.packages;
      installedBytes += inner.installedBytes;
    }
  }
  return { packages, installedBytes };
}

/**
 * The package folders directly in a node_modules folder (`name` and `@scope/name`).
 * @param {string} nodeModules
 */
async function packageFolders(nodeModules) {
  /** @type {string[]} */
  const folders = [];
  for (const entry of await readdir(nodeModules, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || !entry.isDirectory()) continue;
    const path = join(nodeModules, entry.name);
    if (!entry.name.startsWith('@')) folders.push(path);
    else {
      for (const scoped of await readdir(path, { withFileTypes: true })) {
        if (scoped.isDirectory()) folders.push(join(path, scoped.name));
      }
    }
  }
  return folders;
}

/**
 * Bytes of every regular file under `folder`, except a nested node_modules (counted as packages
 * of their own).
 * @param {string} folder
 * @returns {Promise<number>}
 */
async function folderBytes(folder) {
  let bytes = 0;
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') bytes += await folderBytes(path);
    } else if (entry.isFile()) {
      bytes += (await lstat(path)).size;
    }
  }
  return bytes;
}

/** @param {string} path */
async function isFolder(path) {
  try {
    return (await lstat(path)).isDirectory();
  } catch {
    return false;
  }
}

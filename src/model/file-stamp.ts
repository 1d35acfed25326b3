// Pure (types): what tells a file's state apart without reading it.
/**
 * `[size, mtimeMs, inode]`: what the cache compares to tell whether a file changed. The inode
 * tells apart files of one size and mtime that were moved into each other's places by renames.
 */
export type FileStamp = readonly [number, number, number];

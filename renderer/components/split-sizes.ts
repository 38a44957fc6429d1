const GIB = 1024 ** 3;

/** 4 GiB minus each part's overhead stays under FAT32's largest file: the default. */
export const DEFAULT_SPLIT_SIZE = 4 * GIB;
/** The contract has no "never split", so the largest safe integer stands for it. */
export const NO_SPLIT = Number.MAX_SAFE_INTEGER;
export const SPLIT_SIZES = [2 * GIB, DEFAULT_SPLIT_SIZE, 8 * GIB, NO_SPLIT] as const;

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
export const EXIT_SIGN_IN_FAILED = 3;
export const EXIT_UNREACHABLE = 4;

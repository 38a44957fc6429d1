export const HELP = `TwinArchive: see what of your eTwinning work survives the move to the
European School Education Platform, and archive what will be lost.

Usage:
  twinarchive demo [--out DIR]
      The whole job on the built-in sample platform: scan, archive, index.
  twinarchive scan --source URL --login L [--password-env VAR] [--cookies FILE]
                   [--eu-login-email E] [--margin N] [--concurrency N] [--data-dir DIR] [--json]
      Totals per verdict, kind, year and rule, what changed since the account's last scan,
      then the spaces (the 25 most at risk when there are more than 200). The scan is kept in
      the library; --json prints it as twinarchive-scan/1.
  twinarchive report [...the scan options] --format csv|json|html|changes-csv --out FILE
                   [--lang en|nl]
  twinarchive report --from-library [--source URL] [--account ID] [--data-dir DIR]
                   --format csv|json|html|changes-csv --out FILE [--lang en|nl]
      The NSO preview: scans first, or with --from-library reports the last finished scan in
      the library without contacting the platform (--source and --account pick the account
      when the library holds several). changes-csv lists what changed since the scan before.
  twinarchive archive [...the scan options] --out DIR [--spaces ID,...|personal]
                   [--include at-risk|all] [--split-size BYTES] [--data-dir DIR] [--json]
  twinarchive bulk --source URL JOBFILE [--out DIR] [--concurrency N] [--accounts-at-once N]
                   [--margin N] [--data-dir DIR]
      Many colleagues in one unattended run. JOBFILE is a CSV with the header
      login,password_env,cookies,eu_login_email,spaces,out (one row per account; spaces
      separated by ";"; out is the colleague's folder under --out, which defaults to the job
      file's folder). --concurrency bounds requests for all accounts together; two
      accounts run at a time. Writes bulk-report.html and bulk-report.csv to --out.
  twinarchive search QUERY [--data-dir DIR] [--json]
  twinarchive list [--data-dir DIR] [--json]
  twinarchive verify [--data-dir DIR] [--json]
  twinarchive open ITEM [--data-dir DIR]
  twinarchive sample-platform [--snapshot FILE] [--port N] [--faults SEED]
                   [--latency MS] [--expire-after N] [--bandwidth BYTES_PER_SECOND]
  twinarchive help

The password is read from the environment variable named by --password-env, or asked for
in a terminal; it is never taken from the command line. --cookies FILE signs in with a
Netscape cookies.txt exported from a browser instead.

archive and bulk are resumable: after a crash, a kill or a lost network, run the same command
again and it carries on where it stopped (bulk skips the accounts that are done). The index, the
scans and job state live in --data-dir (default: TWINARCHIVE_DATA_DIR, else the system's
application data folder).

Exit codes: 0 ok, 1 failed, 2 bad usage, 3 sign-in failed, 4 platform unreachable or not
a platform.
`;

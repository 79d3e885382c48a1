"""The `exposure` command line: parses options, builds a config, calls the library, reports."""

"""Sources -> raw documents: paths, folders, globs, URLs and stdin; decoding."""

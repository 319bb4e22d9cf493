"""Preview: a local server that rebuilds what a save touched and reloads the open tabs."""

//go:build !linux

// Command equity-bench measures equity's start, keystrokes and idle cost in
// a pseudo-terminal. It reads CPU time from Linux's /proc, so it runs on
// Linux only.
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "equity-bench: runs on Linux only (it reads CPU time from /proc); measure on a Linux machine.")
	os.Exit(2)
}

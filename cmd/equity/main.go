// Command equity explores the Wikimedia Movement Equity Landscape: where the
// movement's readers, editors, organizers, grants and affiliates are, set
// against each country's population, internet access and freedom. The data
// is inside the binary; nothing is fetched.
package main

import (
	"context"
	"os"
	"time"
)

func main() {
	os.Exit(run(context.Background(), os.Args[1:], env{
		stdout: os.Stdout,
		stderr: os.Stderr,
		getenv: os.Getenv,
		now:    time.Now,
	}))
}

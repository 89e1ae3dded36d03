//go:build linux

package main

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// measureLoad times the store's BenchmarkLoadLean once in each of fresh
// test processes, with the collector off as the commands run it: the
// first load of a process, which is the one a user waits for (a benchmark
// repeated in one process measures a warm heap). It needs the checkout.
func measureLoad(c config, dir string) (sample, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	mod := strings.TrimSpace(string(out))
	if err != nil || mod == "" || mod == "/dev/null" {
		return sample{}, fmt.Errorf("the load is measured with the checkout's store tests: run equity-bench inside the equity checkout")
	}
	root := filepath.Dir(mod)
	test := filepath.Join(dir, "store.test")
	build := exec.Command("go", "test", "-c", "-o", test, "./store")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		return sample{}, fmt.Errorf("go test -c ./store failed: %v\n%s", err, out)
	}
	var s sample
	for range c.runs + 1 {
		cmd := exec.Command(test, "-test.run", "^$", "-test.bench", "^BenchmarkLoadLean$", "-test.benchtime", "1x")
		cmd.Dir = filepath.Join(root, "store")
		cmd.Env = append(childEnv(), "GOGC=off")
		out, err := cmd.Output()
		if err != nil {
			return s, fmt.Errorf("BenchmarkLoadLean failed: %v\n%s", err, out)
		}
		d, err := nsPerOp(string(out))
		if err != nil {
			return s, err
		}
		s.wall = append(s.wall, d)
	}
	s.wall = s.wall[1:] // the first run warms the page cache
	return s, nil
}

// nsPerOp is the ns/op of the one benchmark line in a test's output.
func nsPerOp(out string) (time.Duration, error) {
	for _, line := range strings.Split(out, "\n") {
		f := strings.Fields(line)
		for i := 1; i < len(f); i++ {
			if f[i] == "ns/op" && strings.HasPrefix(f[0], "Benchmark") {
				ns, err := strconv.ParseFloat(f[i-1], 64)
				if err != nil {
					break
				}
				return time.Duration(ns), nil
			}
		}
	}
	return 0, fmt.Errorf("BenchmarkLoadLean printed no ns/op:\n%s", out)
}

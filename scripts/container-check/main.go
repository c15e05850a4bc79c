// Checks the Dockerfile and docker-compose.yml as Docker would read them, without Docker (ADR 0022):
// the Dockerfile with BuildKit's own parser and linter (the rules of `docker build --check`), the
// compose file with compose-go (the loader behind `docker compose config`: schema, interpolation,
// references). Then the rules this project holds its image and its compose file to.
//
//	go run . ../../Dockerfile ../../docker-compose.yml
package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/compose-spec/compose-go/v2/cli"
	"github.com/compose-spec/compose-go/v2/types"
	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/moby/buildkit/frontend/dockerfile/linter"
	"github.com/moby/buildkit/frontend/dockerfile/parser"
)

var problems []string

func fail(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }

func checkDockerfile(path string) {
	f, err := os.Open(path)
	if err != nil {
		fail("%s: %v", path, err)
		return
	}
	defer f.Close()
	ast, err := parser.Parse(f)
	if err != nil {
		fail("%s: %v", path, err)
		return
	}
	lint := linter.New(&linter.Config{Warn: func(rule, description, url, message string, location []parser.Range) {
		line := 0
		if len(location) > 0 {
			line = location[0].Start.Line
		}
		fail("%s:%d: %s: %s", path, line, rule, message)
	}})
	stages, _, err := instructions.Parse(ast.AST, lint)
	if err != nil {
		fail("%s: %v", path, err)
		return
	}
	if len(stages) < 2 {
		fail("%s: a multi-stage build is expected", path)
		return
	}
	final := stages[len(stages)-1]
	var user string
	var healthcheck, cmd bool
	for _, command := range final.Commands {
		switch c := command.(type) {
		case *instructions.UserCommand:
			user = c.User
		case *instructions.HealthCheckCommand:
			healthcheck = c.Health != nil && len(c.Health.Test) > 0 && c.Health.Test[0] != "NONE"
		case *instructions.CmdCommand:
			cmd = !c.PrependShell // exec form: the server gets SIGTERM itself
		}
	}
	if user == "" || user == "root" || user == "0" {
		fail("%s: the final stage must run as a non-root USER", path)
	}
	if !healthcheck {
		fail("%s: the final stage needs a HEALTHCHECK", path)
	}
	if !cmd {
		fail("%s: CMD must use the exec form (JSON array) so that SIGTERM reaches the server", path)
	}
	fmt.Printf("%s: %d stages, runs as %s, HEALTHCHECK set\n", path, len(stages), user)
}

func checkCompose(path string) {
	options, err := cli.NewProjectOptions([]string{path}, cli.WithWorkingDirectory(filepath.Dir(path)), cli.WithOsEnv, cli.WithName("carnet-de-projets"))
	if err != nil {
		fail("%s: %v", path, err)
		return
	}
	project, err := options.LoadProject(context.Background())
	if err != nil {
		fail("%s: %v", path, err)
		return
	}
	for name, service := range project.Services {
		if service.Restart == "" || service.Restart == "no" {
			fail("%s: service %s has no restart policy", path, name)
		}
		if service.HealthCheck == nil && service.Build == nil {
			fail("%s: service %s has no healthcheck", path, name)
		}
		for dependency, condition := range service.DependsOn {
			if condition.Condition != types.ServiceConditionHealthy {
				fail("%s: %s must wait for %s to be healthy (condition: service_healthy)", path, name, dependency)
			}
		}
		for _, volume := range service.Volumes {
			if volume.Type == types.VolumeTypeBind {
				fail("%s: service %s binds a host folder (%s): use a named volume", path, name, volume.Source)
			}
		}
		for _, port := range service.Ports {
			if port.HostIP != "127.0.0.1" {
				fail("%s: service %s publishes %s beyond 127.0.0.1", path, name, port.Published)
			}
		}
	}
	names := make([]string, 0, len(project.Services))
	for name := range project.Services {
		names = append(names, name)
	}
	fmt.Printf("%s: valid, services %s\n", path, strings.Join(names, ", "))
}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: go run . <Dockerfile> <docker-compose.yml>")
		os.Exit(1)
	}
	checkDockerfile(os.Args[1])
	checkCompose(os.Args[2])
	for _, p := range problems {
		fmt.Fprintln(os.Stderr, p)
	}
	if len(problems) > 0 {
		os.Exit(1)
	}
}

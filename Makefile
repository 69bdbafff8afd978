# backstory — see README.md.
GO ?= go

.PHONY: test check build run

## test: vet and run every test with the race detector
test:
	$(GO) vet ./...
	$(GO) test -race ./...

## check: parse the embedded articles and report every problem
check:
	$(GO) run . check

## build: build the backstory binary into bin/
build:
	$(GO) build -o bin/backstory .

## run: check the articles (serving comes with the reader UI)
run: check
	@echo "backstory serve is not built yet: the articles above parse; serving them comes with the reader UI."

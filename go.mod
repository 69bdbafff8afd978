module backstory

go 1.26

require (
	github.com/google/go-cmp v0.7.0
	github.com/yuin/goldmark v1.8.7
	go.abhg.dev/goldmark/frontmatter v0.2.0
	gopkg.in/yaml.v3 v3.0.1
)

require github.com/BurntSushi/toml v1.2.1 // indirect

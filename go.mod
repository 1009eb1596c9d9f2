module github.com/zwfw/zwfw

go 1.23

require (
	github.com/google/go-cmp v0.7.0
	github.com/santhosh-tekuri/jsonschema/v5 v5.3.1
	golang.org/x/text v0.22.0
	gopkg.in/yaml.v3 v3.0.1
)

require github.com/6tail/lunar-go v1.4.7

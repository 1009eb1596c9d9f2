package matters_test

import (
	"fmt"
	"slices"
	"time"

	"github.com/zwfw/zwfw/matters"
)

// Two editions of a list: a month later, one promised limit is shorter,
// one matter has moved to another body and one is new.
func ExampleCatalogue_Diff() {
	april, err := matters.LoadFile("testdata/valid.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	may := *april
	may.AsOf = time.Date(2021, 5, 31, 0, 0, 0, 0, time.UTC)
	may.Matters = slices.Clone(april.Matters)
	may.Matters[0].PromisedLimit = matters.Limit{Value: matters.QuantityOf(3), Unit: matters.WorkingDays}
	may.Matters[2].Body.Name = "示例行政审批局"
	may.Matters = append(may.Matters, matters.Matter{
		Code: "N1", Name: "残疾人证新办", Type: matters.PublicService, Level: matters.CountyLevel,
		Body: matters.Body{Name: "示例残联"},
	})

	d := april.Diff(&may)
	fmt.Print(d)

	// The same as values, for programs.
	for _, c := range d.Matters {
		if c.Kind == matters.Moved {
			fmt.Printf("%s moved from %s to %s\n", c.Name(), c.Old.Body.Name, c.New.Body.Name)
		}
	}
	// Output:
	// catalogue:
	//   asOf: 2021-04-30 → 2021-05-31
	// matters: 1 added, 0 removed, 1 changed, 1 moved
	//   ~ 11511301008778183N4000101001000 食品经营许可
	//       promisedLimit: 5工作日 → 3工作日
	//   > 11511301008778183N5000301003000 临时救助
	//       body.name: 示例民政局 → 示例行政审批局
	//   + N1 残疾人证新办 (示例残联)
	// 临时救助 moved from 示例民政局 to 示例行政审批局
}

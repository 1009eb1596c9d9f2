package matters

// The elements of the national implementation list and service guide
// (实施清单, 办事指南) beyond a matter's identity and limits: materials,
// steps, legal basis, result, status. Each is declared once, on its field.

// Material is one application material (申请材料).
type Material struct {
	Name   string            `doc:"name" csv:"材料名称|申请材料名称"`
	Forms  Set[MaterialForm] `doc:"forms" csv:"材料形式|材料类型"` // 原件, 复印件, 电子件
	Copies int               `doc:"copies" csv:"份数|材料份数"`
	// Necessity is 必要, 非必要 or 容缺后补 (may follow after acceptance).
	Necessity Necessity      `doc:"necessity" csv:"必要性|是否必要|材料必要性"`
	Source    MaterialSource `doc:"source" csv:"来源渠道|材料来源|来源"`
	// Issuer is the body that issues the material when its source is
	// 政府部门核发.
	Issuer string `doc:"issuer" csv:"出具单位|来源渠道说明|核发部门"`
	// Exempt says the applicant need not submit it (免提交): the window
	// takes it from an electronic licence or by data sharing, as ExemptBy
	// says.
	Exempt     bool      `doc:"exempt" csv:"免提交|是否免提交"`
	ExemptBy   ExemptWay `doc:"exemptBy" csv:"免提交方式"`
	SampleURL  string    `doc:"sampleUrl" csv:"示例样表|样表下载"`
	BlankURL   string    `doc:"blankFormUrl" csv:"空白表格|空表下载"`
	Extensions Extensions
}

// Step is one step of the handling procedure (办理流程).
type Step struct {
	Name       string `doc:"name" csv:"环节名称|办理环节|步骤名称"`
	Actor      string `doc:"actor" csv:"办理人员|审批人员|办理主体|岗位"`
	Limit      Limit  `doc:"limit" csv:"环节时限|办理时限"`
	Extensions Extensions
}

// Law is one provision of the legal basis (设定依据).
type Law struct {
	Name       string `doc:"name" csv:"法律法规名称|依据名称|法规名称"`
	Article    string `doc:"article" csv:"条款号|依据条款|条款"`
	Text       string `doc:"text" csv:"条款内容"`
	Extensions Extensions
}

// Result is the result of handling (审批结果).
type Result struct {
	Name string     `doc:"name" csv:"审批结果名称|办理结果名称|结果名称"`
	Kind ResultKind `doc:"kind" csv:"审批结果类型|结果类型"`
	// ELicence says the result is also issued as an electronic licence
	// (电子证照).
	ELicence   bool `doc:"eLicence" csv:"是否电子证照|电子证照|是否生成电子证照"`
	Extensions Extensions
}

// ZeroMaterials reports whether the applicant submits no material
// (零材料提交): the matter lists materials and every one is exempt.
func (m *Matter) ZeroMaterials() bool {
	if len(m.Materials) == 0 {
		return false
	}
	for i := range m.Materials {
		if !m.Materials[i].Exempt {
			return false
		}
	}
	return true
}

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

// MaterialForm is the form a material is submitted in.
type MaterialForm uint8

// Material forms.
const (
	Original   MaterialForm = 1 + iota // 原件
	Photocopy                          // 复印件
	Electronic                         // 电子件
)

var materialForms = &enum{name: "材料形式", terms: []string{"原件", "复印件", "电子件"}}

// ParseMaterialForm accepts the Chinese term.
func ParseMaterialForm(s string) (MaterialForm, error) {
	v, err := materialForms.parse(s)
	return MaterialForm(v), err
}

func (f MaterialForm) String() string               { return materialForms.str(uint8(f)) }
func (f MaterialForm) MarshalText() ([]byte, error) { return materialForms.marshal(uint8(f)) }
func (f *MaterialForm) UnmarshalText(b []byte) error {
	v, err := materialForms.unmarshal(b)
	*f = MaterialForm(v)
	return err
}

// Necessity says whether a material must be submitted.
type Necessity uint8

// Necessities.
const (
	Required    Necessity = 1 + iota // 必要
	Optional                         // 非必要
	FollowLater                      // 容缺后补
)

var necessities = &enum{name: "材料必要性", terms: []string{"必要", "非必要", "容缺后补"}}

// ParseNecessity accepts the Chinese term.
func ParseNecessity(s string) (Necessity, error) {
	v, err := necessities.parse(s)
	return Necessity(v), err
}

func (n Necessity) String() string               { return necessities.str(uint8(n)) }
func (n Necessity) MarshalText() ([]byte, error) { return necessities.marshal(uint8(n)) }
func (n *Necessity) UnmarshalText(b []byte) error {
	v, err := necessities.unmarshal(b)
	*n = Necessity(v)
	return err
}

// MaterialSource says where a material comes from.
type MaterialSource uint8

// Material sources.
const (
	FromApplicant  MaterialSource = 1 + iota // 申请人自备
	FromGovernment                           // 政府部门核发
)

var materialSources = &enum{name: "材料来源", terms: []string{"申请人自备", "政府部门核发"}}

// ParseMaterialSource accepts the Chinese term.
func ParseMaterialSource(s string) (MaterialSource, error) {
	v, err := materialSources.parse(s)
	return MaterialSource(v), err
}

func (s MaterialSource) String() string               { return materialSources.str(uint8(s)) }
func (s MaterialSource) MarshalText() ([]byte, error) { return materialSources.marshal(uint8(s)) }
func (s *MaterialSource) UnmarshalText(b []byte) error {
	v, err := materialSources.unmarshal(b)
	*s = MaterialSource(v)
	return err
}

// ExemptWay says how a material the applicant need not submit is obtained.
type ExemptWay uint8

// Ways of exemption.
const (
	ByELicence   ExemptWay = 1 + iota // 电子证照
	BySharing                         // 数据共享
	ByCommitment                      // 告知承诺
)

var exemptWays = &enum{name: "免提交方式", terms: []string{"电子证照", "数据共享", "告知承诺"}}

// ParseExemptWay accepts the Chinese term.
func ParseExemptWay(s string) (ExemptWay, error) {
	v, err := exemptWays.parse(s)
	return ExemptWay(v), err
}

func (w ExemptWay) String() string               { return exemptWays.str(uint8(w)) }
func (w ExemptWay) MarshalText() ([]byte, error) { return exemptWays.marshal(uint8(w)) }
func (w *ExemptWay) UnmarshalText(b []byte) error {
	v, err := exemptWays.unmarshal(b)
	*w = ExemptWay(v)
	return err
}

// ResultKind is the kind of a handling result (审批结果类型).
type ResultKind uint8

// Result kinds.
const (
	Licence     ResultKind = 1 + iota // 证照
	Approval                          // 批文
	OtherResult                       // 其他
)

var resultKinds = &enum{name: "审批结果类型", terms: []string{"证照", "批文", "其他"}}

// ParseResultKind accepts the Chinese term.
func ParseResultKind(s string) (ResultKind, error) {
	v, err := resultKinds.parse(s)
	return ResultKind(v), err
}

func (k ResultKind) String() string               { return resultKinds.str(uint8(k)) }
func (k ResultKind) MarshalText() ([]byte, error) { return resultKinds.marshal(uint8(k)) }
func (k *ResultKind) UnmarshalText(b []byte) error {
	v, err := resultKinds.unmarshal(b)
	*k = ResultKind(v)
	return err
}

// Status is a matter's status (事项状态). The zero value means "not
// stated", which is taken as in use.
type Status uint8

// Statuses.
const (
	InUse     Status = 1 + iota // 在用
	Suspended                   // 暂停
	Cancelled                   // 取消
)

var statuses = &enum{name: "事项状态", terms: []string{"在用", "暂停", "取消"}}

// ParseStatus accepts the Chinese term.
func ParseStatus(s string) (Status, error) { v, err := statuses.parse(s); return Status(v), err }

func (s Status) String() string               { return statuses.str(uint8(s)) }
func (s Status) MarshalText() ([]byte, error) { return statuses.marshal(uint8(s)) }
func (s *Status) UnmarshalText(b []byte) error {
	v, err := statuses.unmarshal(b)
	*s = Status(v)
	return err
}

// Active reports whether a matter of this status is handled: in use or
// not stated.
func (s Status) Active() bool { return s == 0 || s == InUse }

// Window is the kind of window that receives applications (受理窗口).
type Window uint8

// Windows.
const (
	GeneralWindow   Window = 1 + iota // 综合窗口
	DedicatedWindow                   // 专窗
)

var windows = &enum{name: "受理窗口", terms: []string{"综合窗口", "专窗"}}

// ParseWindow accepts the Chinese term.
func ParseWindow(s string) (Window, error) { v, err := windows.parse(s); return Window(v), err }

func (w Window) String() string               { return windows.str(uint8(w)) }
func (w Window) MarshalText() ([]byte, error) { return windows.marshal(uint8(w)) }
func (w *Window) UnmarshalText(b []byte) error {
	v, err := windows.unmarshal(b)
	*w = Window(v)
	return err
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

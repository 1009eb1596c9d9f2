package county

// sichuanNames are the GB/T 2260 names of Sichuan province, its cities and
// prefectures, and the counties of Guang'an, whose implementation lists the
// provincial portal publishes; Suining's come from its embedded hierarchy.
// A code that is neither here nor in the hierarchy has no known name.
var sichuanNames = map[string]string{
	"510000": "四川省",
	"510100": "成都市", "510300": "自贡市", "510400": "攀枝花市", "510500": "泸州市",
	"510600": "德阳市", "510700": "绵阳市", "510800": "广元市", "510900": "遂宁市",
	"511000": "内江市", "511100": "乐山市", "511300": "南充市", "511400": "眉山市",
	"511500": "宜宾市", "511600": "广安市", "511700": "达州市", "511800": "雅安市",
	"511900": "巴中市", "512000": "资阳市",
	"513200": "阿坝藏族羌族自治州", "513300": "甘孜藏族自治州", "513400": "凉山彝族自治州",
	"511602": "广安区", "511603": "前锋区", "511621": "岳池县", "511622": "武胜县",
	"511623": "邻水县", "511681": "华蓥市",
}

// Name returns the name of the division with code c: from Suining's
// embedded hierarchy, or for Sichuan's province, cities and prefectures and
// the counties of Guang'an from a table of GB/T 2260 names. ok is false
// when the name is not known.
func Name(c Code) (name string, ok bool) {
	if !c.IsValid() {
		return "", false
	}
	if u := Suining().ByCode(c); u != nil {
		return u.Name(), true
	}
	name, ok = sichuanNames[c.String()]
	return name, ok
}

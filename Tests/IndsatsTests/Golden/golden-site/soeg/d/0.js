indsatsSearch.add("d/0",[["Indikator","Andel besk\u00e6ftigede","barometer/beskaeftigelse/","Andelen skal \u00f8ges med 10 procentpoint. Om indikatoren."],
["Udvalgsbilag","Oversigt over integrationsaktiviteter","bilag/oversigt/","Teksten over tabellen."],
["Udvalgsbilag","Status p\u00e5 v\u00e6rtsprogrammet","bilag/status-vaertsprogram/","Der er indg\u00e5et aftale om v\u00e6rter. Hermed forel\u00e6gges status. Indstilling At udvalget tager orienteringen til efterretning."],
["Udvalgsbilag","V\u00e6rtsprogrammet (revideret projektbeskrivelse)","bilag/vaertsprogram-2011/","Forvaltningen forel\u00e6gger en revideret projektbeskrivelse."],
["Statusredeg\u00f8relse","Statusredeg\u00f8relse 2009","statusrapporter/2009/","Indledning."],
["Indsats","V\u00e6rtsprogram","projektbank/vaertsprogram/","Match mellem nyankomne og v\u00e6rter Form\u00e5l Det nye form\u00e5l med alert(1) og v\u00e6gt . \u00d8konomi Samlet 1,5 mio. kr."],
["Indsats","Welcome House","projektbank/welcome-house/","Et hus for nye borgere, med r\u00e5dgivning p\u00e5 flere sprog"]]);

indsatsSearch.add("t/vae",{"vaegt":["","","F"],"vaerter":["","F","C"],"vaertsprogram":["F","","E"],"vaertsprogrammet":["CA","",""]});

// expect: E0022
// Each vpc's tags are the next one's: checking v0 recursed through every attribute.
vpc v0 {
  cidr = "10.0.0.0/16"
  tags = v1.tags
}
vpc v1 {
  cidr = "10.0.0.0/16"
  tags = v2.tags
}
vpc v2 {
  cidr = "10.0.0.0/16"
  tags = v3.tags
}
vpc v3 {
  cidr = "10.0.0.0/16"
  tags = v4.tags
}
vpc v4 {
  cidr = "10.0.0.0/16"
  tags = v5.tags
}
vpc v5 {
  cidr = "10.0.0.0/16"
  tags = v6.tags
}
vpc v6 {
  cidr = "10.0.0.0/16"
  tags = v7.tags
}
vpc v7 {
  cidr = "10.0.0.0/16"
  tags = v8.tags
}
vpc v8 {
  cidr = "10.0.0.0/16"
  tags = v9.tags
}
vpc v9 {
  cidr = "10.0.0.0/16"
  tags = v10.tags
}
vpc v10 {
  cidr = "10.0.0.0/16"
  tags = v11.tags
}
vpc v11 {
  cidr = "10.0.0.0/16"
  tags = v12.tags
}
vpc v12 {
  cidr = "10.0.0.0/16"
  tags = v13.tags
}
vpc v13 {
  cidr = "10.0.0.0/16"
  tags = v14.tags
}
vpc v14 {
  cidr = "10.0.0.0/16"
  tags = v15.tags
}
vpc v15 {
  cidr = "10.0.0.0/16"
  tags = v16.tags
}
vpc v16 {
  cidr = "10.0.0.0/16"
  tags = v17.tags
}
vpc v17 {
  cidr = "10.0.0.0/16"
  tags = v18.tags
}
vpc v18 {
  cidr = "10.0.0.0/16"
  tags = v19.tags
}
vpc v19 {
  cidr = "10.0.0.0/16"
  tags = v20.tags
}
vpc v20 {
  cidr = "10.0.0.0/16"
  tags = v21.tags
}
vpc v21 {
  cidr = "10.0.0.0/16"
  tags = v22.tags
}
vpc v22 {
  cidr = "10.0.0.0/16"
  tags = v23.tags
}
vpc v23 {
  cidr = "10.0.0.0/16"
  tags = v24.tags
}
vpc v24 {
  cidr = "10.0.0.0/16"
  tags = v25.tags
}
vpc v25 {
  cidr = "10.0.0.0/16"
  tags = v26.tags
}
vpc v26 {
  cidr = "10.0.0.0/16"
  tags = v27.tags
}
vpc v27 {
  cidr = "10.0.0.0/16"
  tags = v28.tags
}
vpc v28 {
  cidr = "10.0.0.0/16"
  tags = v29.tags
}
vpc v29 {
  cidr = "10.0.0.0/16"
  tags = v30.tags
}
vpc v30 {
  cidr = "10.0.0.0/16"
  tags = v31.tags
}
vpc v31 {
  cidr = "10.0.0.0/16"
  tags = v32.tags
}
vpc v32 {
  cidr = "10.0.0.0/16"
  tags = v33.tags
}
vpc v33 {
  cidr = "10.0.0.0/16"
  tags = v34.tags
}
vpc v34 {
  cidr = "10.0.0.0/16"
  tags = v35.tags
}
vpc v35 {
  cidr = "10.0.0.0/16"
  tags = v36.tags
}
vpc v36 {
  cidr = "10.0.0.0/16"
  tags = v37.tags
}
vpc v37 {
  cidr = "10.0.0.0/16"
  tags = v38.tags
}
vpc v38 {
  cidr = "10.0.0.0/16"
  tags = v39.tags
}
vpc v39 {
  cidr = "10.0.0.0/16"
  tags = v40.tags
}
vpc v40 {
  cidr = "10.0.0.0/16"
  tags = v41.tags
}
vpc v41 {
  cidr = "10.0.0.0/16"
  tags = v42.tags
}
vpc v42 {
  cidr = "10.0.0.0/16"
  tags = v43.tags
}
vpc v43 {
  cidr = "10.0.0.0/16"
  tags = v44.tags
}
vpc v44 {
  cidr = "10.0.0.0/16"
  tags = v45.tags
}
vpc v45 {
  cidr = "10.0.0.0/16"
  tags = v46.tags
}
vpc v46 {
  cidr = "10.0.0.0/16"
  tags = v47.tags
}
vpc v47 {
  cidr = "10.0.0.0/16"
  tags = v48.tags
}
vpc v48 {
  cidr = "10.0.0.0/16"
  tags = v49.tags
}
vpc v49 {
  cidr = "10.0.0.0/16"
  tags = v50.tags
}
vpc v50 {
  cidr = "10.0.0.0/16"
  tags = v51.tags
}
vpc v51 {
  cidr = "10.0.0.0/16"
  tags = v52.tags
}
vpc v52 {
  cidr = "10.0.0.0/16"
  tags = v53.tags
}
vpc v53 {
  cidr = "10.0.0.0/16"
  tags = v54.tags
}
vpc v54 {
  cidr = "10.0.0.0/16"
  tags = v55.tags
}
vpc v55 {
  cidr = "10.0.0.0/16"
  tags = v56.tags
}
vpc v56 {
  cidr = "10.0.0.0/16"
  tags = v57.tags
}
vpc v57 {
  cidr = "10.0.0.0/16"
  tags = v58.tags
}
vpc v58 {
  cidr = "10.0.0.0/16"
  tags = v59.tags
}
vpc v59 {
  cidr = "10.0.0.0/16"
  tags = v60.tags
}
vpc v60 {
  cidr = "10.0.0.0/16"
  tags = v61.tags
}
vpc v61 {
  cidr = "10.0.0.0/16"
  tags = v62.tags
}
vpc v62 {
  cidr = "10.0.0.0/16"
  tags = v63.tags
}
vpc v63 {
  cidr = "10.0.0.0/16"
  tags = v64.tags
}
vpc v64 {
  cidr = "10.0.0.0/16"
  tags = v65.tags
}
vpc v65 {
  cidr = "10.0.0.0/16"
  tags = v66.tags
}
vpc v66 {
  cidr = "10.0.0.0/16"
  tags = v67.tags
}
vpc v67 {
  cidr = "10.0.0.0/16"
  tags = v68.tags
}
vpc v68 {
  cidr = "10.0.0.0/16"
  tags = v69.tags
}
vpc v69 {
  cidr = "10.0.0.0/16"
  tags = v70.tags
}
vpc v70 {
  cidr = "10.0.0.0/16"
  tags = v71.tags
}
vpc v71 {
  cidr = "10.0.0.0/16"
  tags = v72.tags
}
vpc v72 {
  cidr = "10.0.0.0/16"
  tags = v73.tags
}
vpc v73 {
  cidr = "10.0.0.0/16"
  tags = v74.tags
}
vpc v74 {
  cidr = "10.0.0.0/16"
  tags = v75.tags
}
vpc v75 {
  cidr = "10.0.0.0/16"
  tags = v76.tags
}
vpc v76 {
  cidr = "10.0.0.0/16"
  tags = v77.tags
}
vpc v77 {
  cidr = "10.0.0.0/16"
  tags = v78.tags
}
vpc v78 {
  cidr = "10.0.0.0/16"
  tags = v79.tags
}
vpc v79 {
  cidr = "10.0.0.0/16"
  tags = v80.tags
}
vpc v80 {
  cidr = "10.0.0.0/16"
  tags = v81.tags
}
vpc v81 {
  cidr = "10.0.0.0/16"
  tags = v82.tags
}
vpc v82 {
  cidr = "10.0.0.0/16"
  tags = v83.tags
}
vpc v83 {
  cidr = "10.0.0.0/16"
  tags = v84.tags
}
vpc v84 {
  cidr = "10.0.0.0/16"
  tags = v85.tags
}
vpc v85 {
  cidr = "10.0.0.0/16"
  tags = v86.tags
}
vpc v86 {
  cidr = "10.0.0.0/16"
  tags = v87.tags
}
vpc v87 {
  cidr = "10.0.0.0/16"
  tags = v88.tags
}
vpc v88 {
  cidr = "10.0.0.0/16"
  tags = v89.tags
}
vpc v89 {
  cidr = "10.0.0.0/16"
  tags = v90.tags
}
vpc v90 {
  cidr = "10.0.0.0/16"
  tags = v91.tags
}
vpc v91 {
  cidr = "10.0.0.0/16"
  tags = v92.tags
}
vpc v92 {
  cidr = "10.0.0.0/16"
  tags = v93.tags
}
vpc v93 {
  cidr = "10.0.0.0/16"
  tags = v94.tags
}
vpc v94 {
  cidr = "10.0.0.0/16"
  tags = v95.tags
}
vpc v95 {
  cidr = "10.0.0.0/16"
  tags = v96.tags
}
vpc v96 {
  cidr = "10.0.0.0/16"
  tags = v97.tags
}
vpc v97 {
  cidr = "10.0.0.0/16"
  tags = v98.tags
}
vpc v98 {
  cidr = "10.0.0.0/16"
  tags = v99.tags
}
vpc v99 {
  cidr = "10.0.0.0/16"
  tags = v100.tags
}
vpc v100 {
  cidr = "10.0.0.0/16"
  tags = v101.tags
}
vpc v101 {
  cidr = "10.0.0.0/16"
  tags = v102.tags
}
vpc v102 {
  cidr = "10.0.0.0/16"
  tags = v103.tags
}
vpc v103 {
  cidr = "10.0.0.0/16"
  tags = v104.tags
}
vpc v104 {
  cidr = "10.0.0.0/16"
  tags = v105.tags
}
vpc v105 {
  cidr = "10.0.0.0/16"
  tags = v106.tags
}
vpc v106 {
  cidr = "10.0.0.0/16"
  tags = v107.tags
}
vpc v107 {
  cidr = "10.0.0.0/16"
  tags = v108.tags
}
vpc v108 {
  cidr = "10.0.0.0/16"
  tags = v109.tags
}
vpc v109 {
  cidr = "10.0.0.0/16"
  tags = v110.tags
}
vpc v110 {
  cidr = "10.0.0.0/16"
  tags = v111.tags
}
vpc v111 {
  cidr = "10.0.0.0/16"
  tags = v112.tags
}
vpc v112 {
  cidr = "10.0.0.0/16"
  tags = v113.tags
}
vpc v113 {
  cidr = "10.0.0.0/16"
  tags = v114.tags
}
vpc v114 {
  cidr = "10.0.0.0/16"
  tags = v115.tags
}
vpc v115 {
  cidr = "10.0.0.0/16"
  tags = v116.tags
}
vpc v116 {
  cidr = "10.0.0.0/16"
  tags = v117.tags
}
vpc v117 {
  cidr = "10.0.0.0/16"
  tags = v118.tags
}
vpc v118 {
  cidr = "10.0.0.0/16"
  tags = v119.tags
}
vpc v119 {
  cidr = "10.0.0.0/16"
  tags = v120.tags
}
vpc v120 {
  cidr = "10.0.0.0/16"
  tags = v121.tags
}
vpc v121 {
  cidr = "10.0.0.0/16"
  tags = v122.tags
}
vpc v122 {
  cidr = "10.0.0.0/16"
  tags = v123.tags
}
vpc v123 {
  cidr = "10.0.0.0/16"
  tags = v124.tags
}
vpc v124 {
  cidr = "10.0.0.0/16"
  tags = v125.tags
}
vpc v125 {
  cidr = "10.0.0.0/16"
  tags = v126.tags
}
vpc v126 {
  cidr = "10.0.0.0/16"
  tags = v127.tags
}
vpc v127 {
  cidr = "10.0.0.0/16"
  tags = v128.tags
}
vpc v128 {
  cidr = "10.0.0.0/16"
  tags = v129.tags
}
vpc v129 {
  cidr = "10.0.0.0/16"
  tags = v130.tags
}
vpc v130 {
  cidr = "10.0.0.0/16"
  tags = v131.tags
}
vpc v131 {
  cidr = "10.0.0.0/16"
  tags = v132.tags
}
vpc v132 {
  cidr = "10.0.0.0/16"
  tags = v133.tags
}
vpc v133 {
  cidr = "10.0.0.0/16"
  tags = v134.tags
}
vpc v134 {
  cidr = "10.0.0.0/16"
  tags = v135.tags
}
vpc v135 {
  cidr = "10.0.0.0/16"
  tags = v136.tags
}
vpc v136 {
  cidr = "10.0.0.0/16"
  tags = v137.tags
}
vpc v137 {
  cidr = "10.0.0.0/16"
  tags = v138.tags
}
vpc v138 {
  cidr = "10.0.0.0/16"
  tags = v139.tags
}
vpc v139 {
  cidr = "10.0.0.0/16"
  tags = v140.tags
}
vpc v140 {
  cidr = "10.0.0.0/16"
  tags = v141.tags
}
vpc v141 {
  cidr = "10.0.0.0/16"
  tags = v142.tags
}
vpc v142 {
  cidr = "10.0.0.0/16"
  tags = v143.tags
}
vpc v143 {
  cidr = "10.0.0.0/16"
  tags = v144.tags
}
vpc v144 {
  cidr = "10.0.0.0/16"
  tags = v145.tags
}
vpc v145 {
  cidr = "10.0.0.0/16"
  tags = v146.tags
}
vpc v146 {
  cidr = "10.0.0.0/16"
  tags = v147.tags
}
vpc v147 {
  cidr = "10.0.0.0/16"
  tags = v148.tags
}
vpc v148 {
  cidr = "10.0.0.0/16"
  tags = v149.tags
}
vpc v149 {
  cidr = "10.0.0.0/16"
  tags = v150.tags
}
vpc v150 {
  cidr = "10.0.0.0/16"
  tags = v151.tags
}
vpc v151 {
  cidr = "10.0.0.0/16"
  tags = v152.tags
}
vpc v152 {
  cidr = "10.0.0.0/16"
  tags = v153.tags
}
vpc v153 {
  cidr = "10.0.0.0/16"
  tags = v154.tags
}
vpc v154 {
  cidr = "10.0.0.0/16"
  tags = v155.tags
}
vpc v155 {
  cidr = "10.0.0.0/16"
  tags = v156.tags
}
vpc v156 {
  cidr = "10.0.0.0/16"
  tags = v157.tags
}
vpc v157 {
  cidr = "10.0.0.0/16"
  tags = v158.tags
}
vpc v158 {
  cidr = "10.0.0.0/16"
  tags = v159.tags
}
vpc v159 {
  cidr = "10.0.0.0/16"
  tags = v160.tags
}
vpc v160 {
  cidr = "10.0.0.0/16"
  tags = v161.tags
}
vpc v161 {
  cidr = "10.0.0.0/16"
  tags = v162.tags
}
vpc v162 {
  cidr = "10.0.0.0/16"
  tags = v163.tags
}
vpc v163 {
  cidr = "10.0.0.0/16"
  tags = v164.tags
}
vpc v164 {
  cidr = "10.0.0.0/16"
  tags = v165.tags
}
vpc v165 {
  cidr = "10.0.0.0/16"
  tags = v166.tags
}
vpc v166 {
  cidr = "10.0.0.0/16"
  tags = v167.tags
}
vpc v167 {
  cidr = "10.0.0.0/16"
  tags = v168.tags
}
vpc v168 {
  cidr = "10.0.0.0/16"
  tags = v169.tags
}
vpc v169 {
  cidr = "10.0.0.0/16"
  tags = v170.tags
}
vpc v170 {
  cidr = "10.0.0.0/16"
  tags = v171.tags
}
vpc v171 {
  cidr = "10.0.0.0/16"
  tags = v172.tags
}
vpc v172 {
  cidr = "10.0.0.0/16"
  tags = v173.tags
}
vpc v173 {
  cidr = "10.0.0.0/16"
  tags = v174.tags
}
vpc v174 {
  cidr = "10.0.0.0/16"
  tags = v175.tags
}
vpc v175 {
  cidr = "10.0.0.0/16"
  tags = v176.tags
}
vpc v176 {
  cidr = "10.0.0.0/16"
  tags = v177.tags
}
vpc v177 {
  cidr = "10.0.0.0/16"
  tags = v178.tags
}
vpc v178 {
  cidr = "10.0.0.0/16"
  tags = v179.tags
}
vpc v179 {
  cidr = "10.0.0.0/16"
  tags = v180.tags
}
vpc v180 {
  cidr = "10.0.0.0/16"
  tags = v181.tags
}
vpc v181 {
  cidr = "10.0.0.0/16"
  tags = v182.tags
}
vpc v182 {
  cidr = "10.0.0.0/16"
  tags = v183.tags
}
vpc v183 {
  cidr = "10.0.0.0/16"
  tags = v184.tags
}
vpc v184 {
  cidr = "10.0.0.0/16"
  tags = v185.tags
}
vpc v185 {
  cidr = "10.0.0.0/16"
  tags = v186.tags
}
vpc v186 {
  cidr = "10.0.0.0/16"
  tags = v187.tags
}
vpc v187 {
  cidr = "10.0.0.0/16"
  tags = v188.tags
}
vpc v188 {
  cidr = "10.0.0.0/16"
  tags = v189.tags
}
vpc v189 {
  cidr = "10.0.0.0/16"
  tags = v190.tags
}
vpc v190 {
  cidr = "10.0.0.0/16"
  tags = v191.tags
}
vpc v191 {
  cidr = "10.0.0.0/16"
  tags = v192.tags
}
vpc v192 {
  cidr = "10.0.0.0/16"
  tags = v193.tags
}
vpc v193 {
  cidr = "10.0.0.0/16"
  tags = v194.tags
}
vpc v194 {
  cidr = "10.0.0.0/16"
  tags = v195.tags
}
vpc v195 {
  cidr = "10.0.0.0/16"
  tags = v196.tags
}
vpc v196 {
  cidr = "10.0.0.0/16"
  tags = v197.tags
}
vpc v197 {
  cidr = "10.0.0.0/16"
  tags = v198.tags
}
vpc v198 {
  cidr = "10.0.0.0/16"
  tags = v199.tags
}
vpc v199 {
  cidr = "10.0.0.0/16"
  tags = v200.tags
}
vpc v200 {
  cidr = "10.0.0.0/16"
  tags = v201.tags
}
vpc v201 {
  cidr = "10.0.0.0/16"
  tags = v202.tags
}
vpc v202 {
  cidr = "10.0.0.0/16"
  tags = v203.tags
}
vpc v203 {
  cidr = "10.0.0.0/16"
  tags = v204.tags
}
vpc v204 {
  cidr = "10.0.0.0/16"
  tags = v205.tags
}
vpc v205 {
  cidr = "10.0.0.0/16"
  tags = v206.tags
}
vpc v206 {
  cidr = "10.0.0.0/16"
  tags = v207.tags
}
vpc v207 {
  cidr = "10.0.0.0/16"
  tags = v208.tags
}
vpc v208 {
  cidr = "10.0.0.0/16"
  tags = v209.tags
}
vpc v209 {
  cidr = "10.0.0.0/16"
  tags = v210.tags
}
vpc v210 {
  cidr = "10.0.0.0/16"
  tags = v211.tags
}
vpc v211 {
  cidr = "10.0.0.0/16"
  tags = v212.tags
}
vpc v212 {
  cidr = "10.0.0.0/16"
  tags = v213.tags
}
vpc v213 {
  cidr = "10.0.0.0/16"
  tags = v214.tags
}
vpc v214 {
  cidr = "10.0.0.0/16"
  tags = v215.tags
}
vpc v215 {
  cidr = "10.0.0.0/16"
  tags = v216.tags
}
vpc v216 {
  cidr = "10.0.0.0/16"
  tags = v217.tags
}
vpc v217 {
  cidr = "10.0.0.0/16"
  tags = v218.tags
}
vpc v218 {
  cidr = "10.0.0.0/16"
  tags = v219.tags
}
vpc v219 {
  cidr = "10.0.0.0/16"
  tags = v220.tags
}
vpc v220 {
  cidr = "10.0.0.0/16"
  tags = v221.tags
}
vpc v221 {
  cidr = "10.0.0.0/16"
  tags = v222.tags
}
vpc v222 {
  cidr = "10.0.0.0/16"
  tags = v223.tags
}
vpc v223 {
  cidr = "10.0.0.0/16"
  tags = v224.tags
}
vpc v224 {
  cidr = "10.0.0.0/16"
  tags = v225.tags
}
vpc v225 {
  cidr = "10.0.0.0/16"
  tags = v226.tags
}
vpc v226 {
  cidr = "10.0.0.0/16"
  tags = v227.tags
}
vpc v227 {
  cidr = "10.0.0.0/16"
  tags = v228.tags
}
vpc v228 {
  cidr = "10.0.0.0/16"
  tags = v229.tags
}
vpc v229 {
  cidr = "10.0.0.0/16"
  tags = v230.tags
}
vpc v230 {
  cidr = "10.0.0.0/16"
  tags = v231.tags
}
vpc v231 {
  cidr = "10.0.0.0/16"
  tags = v232.tags
}
vpc v232 {
  cidr = "10.0.0.0/16"
  tags = v233.tags
}
vpc v233 {
  cidr = "10.0.0.0/16"
  tags = v234.tags
}
vpc v234 {
  cidr = "10.0.0.0/16"
  tags = v235.tags
}
vpc v235 {
  cidr = "10.0.0.0/16"
  tags = v236.tags
}
vpc v236 {
  cidr = "10.0.0.0/16"
  tags = v237.tags
}
vpc v237 {
  cidr = "10.0.0.0/16"
  tags = v238.tags
}
vpc v238 {
  cidr = "10.0.0.0/16"
  tags = v239.tags
}
vpc v239 {
  cidr = "10.0.0.0/16"
  tags = v240.tags
}
vpc v240 {
  cidr = "10.0.0.0/16"
  tags = v241.tags
}
vpc v241 {
  cidr = "10.0.0.0/16"
  tags = v242.tags
}
vpc v242 {
  cidr = "10.0.0.0/16"
  tags = v243.tags
}
vpc v243 {
  cidr = "10.0.0.0/16"
  tags = v244.tags
}
vpc v244 {
  cidr = "10.0.0.0/16"
  tags = v245.tags
}
vpc v245 {
  cidr = "10.0.0.0/16"
  tags = v246.tags
}
vpc v246 {
  cidr = "10.0.0.0/16"
  tags = v247.tags
}
vpc v247 {
  cidr = "10.0.0.0/16"
  tags = v248.tags
}
vpc v248 {
  cidr = "10.0.0.0/16"
  tags = v249.tags
}
vpc v249 {
  cidr = "10.0.0.0/16"
  tags = v250.tags
}
vpc v250 {
  cidr = "10.0.0.0/16"
  tags = v251.tags
}
vpc v251 {
  cidr = "10.0.0.0/16"
  tags = v252.tags
}
vpc v252 {
  cidr = "10.0.0.0/16"
  tags = v253.tags
}
vpc v253 {
  cidr = "10.0.0.0/16"
  tags = v254.tags
}
vpc v254 {
  cidr = "10.0.0.0/16"
  tags = v255.tags
}
vpc v255 {
  cidr = "10.0.0.0/16"
  tags = v256.tags
}
vpc v256 {
  cidr = "10.0.0.0/16"
  tags = v257.tags
}
vpc v257 {
  cidr = "10.0.0.0/16"
  tags = v258.tags
}
vpc v258 {
  cidr = "10.0.0.0/16"
  tags = v259.tags
}
vpc v259 {
  cidr = "10.0.0.0/16"
  tags = v260.tags
}
vpc v260 {
  cidr = "10.0.0.0/16"
  tags = v261.tags
}
vpc v261 {
  cidr = "10.0.0.0/16"
  tags = v262.tags
}
vpc v262 {
  cidr = "10.0.0.0/16"
  tags = v263.tags
}
vpc v263 {
  cidr = "10.0.0.0/16"
  tags = v264.tags
}
vpc v264 {
  cidr = "10.0.0.0/16"
  tags = v265.tags
}
vpc v265 {
  cidr = "10.0.0.0/16"
  tags = v266.tags
}
vpc v266 {
  cidr = "10.0.0.0/16"
  tags = v267.tags
}
vpc v267 {
  cidr = "10.0.0.0/16"
  tags = v268.tags
}
vpc v268 {
  cidr = "10.0.0.0/16"
  tags = v269.tags
}
vpc v269 {
  cidr = "10.0.0.0/16"
  tags = v270.tags
}
vpc v270 {
  cidr = "10.0.0.0/16"
  tags = v271.tags
}
vpc v271 {
  cidr = "10.0.0.0/16"
  tags = v272.tags
}
vpc v272 {
  cidr = "10.0.0.0/16"
  tags = v273.tags
}
vpc v273 {
  cidr = "10.0.0.0/16"
  tags = v274.tags
}
vpc v274 {
  cidr = "10.0.0.0/16"
  tags = v275.tags
}
vpc v275 {
  cidr = "10.0.0.0/16"
  tags = v276.tags
}
vpc v276 {
  cidr = "10.0.0.0/16"
  tags = v277.tags
}
vpc v277 {
  cidr = "10.0.0.0/16"
  tags = v278.tags
}
vpc v278 {
  cidr = "10.0.0.0/16"
  tags = v279.tags
}
vpc v279 {
  cidr = "10.0.0.0/16"
  tags = v280.tags
}
vpc v280 {
  cidr = "10.0.0.0/16"
  tags = v281.tags
}
vpc v281 {
  cidr = "10.0.0.0/16"
  tags = v282.tags
}
vpc v282 {
  cidr = "10.0.0.0/16"
  tags = v283.tags
}
vpc v283 {
  cidr = "10.0.0.0/16"
  tags = v284.tags
}
vpc v284 {
  cidr = "10.0.0.0/16"
  tags = v285.tags
}
vpc v285 {
  cidr = "10.0.0.0/16"
  tags = v286.tags
}
vpc v286 {
  cidr = "10.0.0.0/16"
  tags = v287.tags
}
vpc v287 {
  cidr = "10.0.0.0/16"
  tags = v288.tags
}
vpc v288 {
  cidr = "10.0.0.0/16"
  tags = v289.tags
}
vpc v289 {
  cidr = "10.0.0.0/16"
  tags = v290.tags
}
vpc v290 {
  cidr = "10.0.0.0/16"
  tags = v291.tags
}
vpc v291 {
  cidr = "10.0.0.0/16"
  tags = v292.tags
}
vpc v292 {
  cidr = "10.0.0.0/16"
  tags = v293.tags
}
vpc v293 {
  cidr = "10.0.0.0/16"
  tags = v294.tags
}
vpc v294 {
  cidr = "10.0.0.0/16"
  tags = v295.tags
}
vpc v295 {
  cidr = "10.0.0.0/16"
  tags = v296.tags
}
vpc v296 {
  cidr = "10.0.0.0/16"
  tags = v297.tags
}
vpc v297 {
  cidr = "10.0.0.0/16"
  tags = v298.tags
}
vpc v298 {
  cidr = "10.0.0.0/16"
  tags = v299.tags
}
vpc v299 {
  cidr = "10.0.0.0/16"
  tags = v300.tags
}
vpc v300 {
  cidr = "10.0.0.0/16"
  tags = v301.tags
}
vpc v301 {
  cidr = "10.0.0.0/16"
  tags = v302.tags
}
vpc v302 {
  cidr = "10.0.0.0/16"
  tags = v303.tags
}
vpc v303 {
  cidr = "10.0.0.0/16"
  tags = v304.tags
}
vpc v304 {
  cidr = "10.0.0.0/16"
  tags = v305.tags
}
vpc v305 {
  cidr = "10.0.0.0/16"
  tags = v306.tags
}
vpc v306 {
  cidr = "10.0.0.0/16"
  tags = v307.tags
}
vpc v307 {
  cidr = "10.0.0.0/16"
  tags = v308.tags
}
vpc v308 {
  cidr = "10.0.0.0/16"
  tags = v309.tags
}
vpc v309 {
  cidr = "10.0.0.0/16"
  tags = v310.tags
}
vpc v310 {
  cidr = "10.0.0.0/16"
  tags = v311.tags
}
vpc v311 {
  cidr = "10.0.0.0/16"
  tags = v312.tags
}
vpc v312 {
  cidr = "10.0.0.0/16"
  tags = v313.tags
}
vpc v313 {
  cidr = "10.0.0.0/16"
  tags = v314.tags
}
vpc v314 {
  cidr = "10.0.0.0/16"
  tags = v315.tags
}
vpc v315 {
  cidr = "10.0.0.0/16"
  tags = v316.tags
}
vpc v316 {
  cidr = "10.0.0.0/16"
  tags = v317.tags
}
vpc v317 {
  cidr = "10.0.0.0/16"
  tags = v318.tags
}
vpc v318 {
  cidr = "10.0.0.0/16"
  tags = v319.tags
}
vpc v319 {
  cidr = "10.0.0.0/16"
  tags = v320.tags
}
vpc v320 {
  cidr = "10.0.0.0/16"
  tags = v321.tags
}
vpc v321 {
  cidr = "10.0.0.0/16"
  tags = v322.tags
}
vpc v322 {
  cidr = "10.0.0.0/16"
  tags = v323.tags
}
vpc v323 {
  cidr = "10.0.0.0/16"
  tags = v324.tags
}
vpc v324 {
  cidr = "10.0.0.0/16"
  tags = v325.tags
}
vpc v325 {
  cidr = "10.0.0.0/16"
  tags = v326.tags
}
vpc v326 {
  cidr = "10.0.0.0/16"
  tags = v327.tags
}
vpc v327 {
  cidr = "10.0.0.0/16"
  tags = v328.tags
}
vpc v328 {
  cidr = "10.0.0.0/16"
  tags = v329.tags
}
vpc v329 {
  cidr = "10.0.0.0/16"
  tags = v330.tags
}
vpc v330 {
  cidr = "10.0.0.0/16"
  tags = v331.tags
}
vpc v331 {
  cidr = "10.0.0.0/16"
  tags = v332.tags
}
vpc v332 {
  cidr = "10.0.0.0/16"
  tags = v333.tags
}
vpc v333 {
  cidr = "10.0.0.0/16"
  tags = v334.tags
}
vpc v334 {
  cidr = "10.0.0.0/16"
  tags = v335.tags
}
vpc v335 {
  cidr = "10.0.0.0/16"
  tags = v336.tags
}
vpc v336 {
  cidr = "10.0.0.0/16"
  tags = v337.tags
}
vpc v337 {
  cidr = "10.0.0.0/16"
  tags = v338.tags
}
vpc v338 {
  cidr = "10.0.0.0/16"
  tags = v339.tags
}
vpc v339 {
  cidr = "10.0.0.0/16"
  tags = v340.tags
}
vpc v340 {
  cidr = "10.0.0.0/16"
  tags = v341.tags
}
vpc v341 {
  cidr = "10.0.0.0/16"
  tags = v342.tags
}
vpc v342 {
  cidr = "10.0.0.0/16"
  tags = v343.tags
}
vpc v343 {
  cidr = "10.0.0.0/16"
  tags = v344.tags
}
vpc v344 {
  cidr = "10.0.0.0/16"
  tags = v345.tags
}
vpc v345 {
  cidr = "10.0.0.0/16"
  tags = v346.tags
}
vpc v346 {
  cidr = "10.0.0.0/16"
  tags = v347.tags
}
vpc v347 {
  cidr = "10.0.0.0/16"
  tags = v348.tags
}
vpc v348 {
  cidr = "10.0.0.0/16"
  tags = v349.tags
}
vpc v349 {
  cidr = "10.0.0.0/16"
  tags = v350.tags
}
vpc v350 {
  cidr = "10.0.0.0/16"
  tags = v351.tags
}
vpc v351 {
  cidr = "10.0.0.0/16"
  tags = v352.tags
}
vpc v352 {
  cidr = "10.0.0.0/16"
  tags = v353.tags
}
vpc v353 {
  cidr = "10.0.0.0/16"
  tags = v354.tags
}
vpc v354 {
  cidr = "10.0.0.0/16"
  tags = v355.tags
}
vpc v355 {
  cidr = "10.0.0.0/16"
  tags = v356.tags
}
vpc v356 {
  cidr = "10.0.0.0/16"
  tags = v357.tags
}
vpc v357 {
  cidr = "10.0.0.0/16"
  tags = v358.tags
}
vpc v358 {
  cidr = "10.0.0.0/16"
  tags = v359.tags
}
vpc v359 {
  cidr = "10.0.0.0/16"
  tags = v360.tags
}
vpc v360 {
  cidr = "10.0.0.0/16"
  tags = v361.tags
}
vpc v361 {
  cidr = "10.0.0.0/16"
  tags = v362.tags
}
vpc v362 {
  cidr = "10.0.0.0/16"
  tags = v363.tags
}
vpc v363 {
  cidr = "10.0.0.0/16"
  tags = v364.tags
}
vpc v364 {
  cidr = "10.0.0.0/16"
  tags = v365.tags
}
vpc v365 {
  cidr = "10.0.0.0/16"
  tags = v366.tags
}
vpc v366 {
  cidr = "10.0.0.0/16"
  tags = v367.tags
}
vpc v367 {
  cidr = "10.0.0.0/16"
  tags = v368.tags
}
vpc v368 {
  cidr = "10.0.0.0/16"
  tags = v369.tags
}
vpc v369 {
  cidr = "10.0.0.0/16"
  tags = v370.tags
}
vpc v370 {
  cidr = "10.0.0.0/16"
  tags = v371.tags
}
vpc v371 {
  cidr = "10.0.0.0/16"
  tags = v372.tags
}
vpc v372 {
  cidr = "10.0.0.0/16"
  tags = v373.tags
}
vpc v373 {
  cidr = "10.0.0.0/16"
  tags = v374.tags
}
vpc v374 {
  cidr = "10.0.0.0/16"
  tags = v375.tags
}
vpc v375 {
  cidr = "10.0.0.0/16"
  tags = v376.tags
}
vpc v376 {
  cidr = "10.0.0.0/16"
  tags = v377.tags
}
vpc v377 {
  cidr = "10.0.0.0/16"
  tags = v378.tags
}
vpc v378 {
  cidr = "10.0.0.0/16"
  tags = v379.tags
}
vpc v379 {
  cidr = "10.0.0.0/16"
  tags = v380.tags
}
vpc v380 {
  cidr = "10.0.0.0/16"
  tags = v381.tags
}
vpc v381 {
  cidr = "10.0.0.0/16"
  tags = v382.tags
}
vpc v382 {
  cidr = "10.0.0.0/16"
  tags = v383.tags
}
vpc v383 {
  cidr = "10.0.0.0/16"
  tags = v384.tags
}
vpc v384 {
  cidr = "10.0.0.0/16"
  tags = v385.tags
}
vpc v385 {
  cidr = "10.0.0.0/16"
  tags = v386.tags
}
vpc v386 {
  cidr = "10.0.0.0/16"
  tags = v387.tags
}
vpc v387 {
  cidr = "10.0.0.0/16"
  tags = v388.tags
}
vpc v388 {
  cidr = "10.0.0.0/16"
  tags = v389.tags
}
vpc v389 {
  cidr = "10.0.0.0/16"
  tags = v390.tags
}
vpc v390 {
  cidr = "10.0.0.0/16"
  tags = v391.tags
}
vpc v391 {
  cidr = "10.0.0.0/16"
  tags = v392.tags
}
vpc v392 {
  cidr = "10.0.0.0/16"
  tags = v393.tags
}
vpc v393 {
  cidr = "10.0.0.0/16"
  tags = v394.tags
}
vpc v394 {
  cidr = "10.0.0.0/16"
  tags = v395.tags
}
vpc v395 {
  cidr = "10.0.0.0/16"
  tags = v396.tags
}
vpc v396 {
  cidr = "10.0.0.0/16"
  tags = v397.tags
}
vpc v397 {
  cidr = "10.0.0.0/16"
  tags = v398.tags
}
vpc v398 {
  cidr = "10.0.0.0/16"
  tags = v399.tags
}
vpc v399 {
  cidr = "10.0.0.0/16"
  tags = v400.tags
}
vpc v400 {
  cidr = "10.0.0.0/16"
  tags = v401.tags
}
vpc v401 {
  cidr = "10.0.0.0/16"
  tags = v402.tags
}
vpc v402 {
  cidr = "10.0.0.0/16"
  tags = v403.tags
}
vpc v403 {
  cidr = "10.0.0.0/16"
  tags = v404.tags
}
vpc v404 {
  cidr = "10.0.0.0/16"
  tags = v405.tags
}
vpc v405 {
  cidr = "10.0.0.0/16"
  tags = v406.tags
}
vpc v406 {
  cidr = "10.0.0.0/16"
  tags = v407.tags
}
vpc v407 {
  cidr = "10.0.0.0/16"
  tags = v408.tags
}
vpc v408 {
  cidr = "10.0.0.0/16"
  tags = v409.tags
}
vpc v409 {
  cidr = "10.0.0.0/16"
  tags = v410.tags
}
vpc v410 {
  cidr = "10.0.0.0/16"
  tags = v411.tags
}
vpc v411 {
  cidr = "10.0.0.0/16"
  tags = v412.tags
}
vpc v412 {
  cidr = "10.0.0.0/16"
  tags = v413.tags
}
vpc v413 {
  cidr = "10.0.0.0/16"
  tags = v414.tags
}
vpc v414 {
  cidr = "10.0.0.0/16"
  tags = v415.tags
}
vpc v415 {
  cidr = "10.0.0.0/16"
  tags = v416.tags
}
vpc v416 {
  cidr = "10.0.0.0/16"
  tags = v417.tags
}
vpc v417 {
  cidr = "10.0.0.0/16"
  tags = v418.tags
}
vpc v418 {
  cidr = "10.0.0.0/16"
  tags = v419.tags
}
vpc v419 {
  cidr = "10.0.0.0/16"
  tags = v420.tags
}
vpc v420 {
  cidr = "10.0.0.0/16"
  tags = v421.tags
}
vpc v421 {
  cidr = "10.0.0.0/16"
  tags = v422.tags
}
vpc v422 {
  cidr = "10.0.0.0/16"
  tags = v423.tags
}
vpc v423 {
  cidr = "10.0.0.0/16"
  tags = v424.tags
}
vpc v424 {
  cidr = "10.0.0.0/16"
  tags = v425.tags
}
vpc v425 {
  cidr = "10.0.0.0/16"
  tags = v426.tags
}
vpc v426 {
  cidr = "10.0.0.0/16"
  tags = v427.tags
}
vpc v427 {
  cidr = "10.0.0.0/16"
  tags = v428.tags
}
vpc v428 {
  cidr = "10.0.0.0/16"
  tags = v429.tags
}
vpc v429 {
  cidr = "10.0.0.0/16"
  tags = v430.tags
}
vpc v430 {
  cidr = "10.0.0.0/16"
  tags = v431.tags
}
vpc v431 {
  cidr = "10.0.0.0/16"
  tags = v432.tags
}
vpc v432 {
  cidr = "10.0.0.0/16"
  tags = v433.tags
}
vpc v433 {
  cidr = "10.0.0.0/16"
  tags = v434.tags
}
vpc v434 {
  cidr = "10.0.0.0/16"
  tags = v435.tags
}
vpc v435 {
  cidr = "10.0.0.0/16"
  tags = v436.tags
}
vpc v436 {
  cidr = "10.0.0.0/16"
  tags = v437.tags
}
vpc v437 {
  cidr = "10.0.0.0/16"
  tags = v438.tags
}
vpc v438 {
  cidr = "10.0.0.0/16"
  tags = v439.tags
}
vpc v439 {
  cidr = "10.0.0.0/16"
  tags = v440.tags
}
vpc v440 {
  cidr = "10.0.0.0/16"
  tags = v441.tags
}
vpc v441 {
  cidr = "10.0.0.0/16"
  tags = v442.tags
}
vpc v442 {
  cidr = "10.0.0.0/16"
  tags = v443.tags
}
vpc v443 {
  cidr = "10.0.0.0/16"
  tags = v444.tags
}
vpc v444 {
  cidr = "10.0.0.0/16"
  tags = v445.tags
}
vpc v445 {
  cidr = "10.0.0.0/16"
  tags = v446.tags
}
vpc v446 {
  cidr = "10.0.0.0/16"
  tags = v447.tags
}
vpc v447 {
  cidr = "10.0.0.0/16"
  tags = v448.tags
}
vpc v448 {
  cidr = "10.0.0.0/16"
  tags = v449.tags
}
vpc v449 {
  cidr = "10.0.0.0/16"
  tags = v450.tags
}
vpc v450 {
  cidr = "10.0.0.0/16"
  tags = v451.tags
}
vpc v451 {
  cidr = "10.0.0.0/16"
  tags = v452.tags
}
vpc v452 {
  cidr = "10.0.0.0/16"
  tags = v453.tags
}
vpc v453 {
  cidr = "10.0.0.0/16"
  tags = v454.tags
}
vpc v454 {
  cidr = "10.0.0.0/16"
  tags = v455.tags
}
vpc v455 {
  cidr = "10.0.0.0/16"
  tags = v456.tags
}
vpc v456 {
  cidr = "10.0.0.0/16"
  tags = v457.tags
}
vpc v457 {
  cidr = "10.0.0.0/16"
  tags = v458.tags
}
vpc v458 {
  cidr = "10.0.0.0/16"
  tags = v459.tags
}
vpc v459 {
  cidr = "10.0.0.0/16"
  tags = v460.tags
}
vpc v460 {
  cidr = "10.0.0.0/16"
  tags = v461.tags
}
vpc v461 {
  cidr = "10.0.0.0/16"
  tags = v462.tags
}
vpc v462 {
  cidr = "10.0.0.0/16"
  tags = v463.tags
}
vpc v463 {
  cidr = "10.0.0.0/16"
  tags = v464.tags
}
vpc v464 {
  cidr = "10.0.0.0/16"
  tags = v465.tags
}
vpc v465 {
  cidr = "10.0.0.0/16"
  tags = v466.tags
}
vpc v466 {
  cidr = "10.0.0.0/16"
  tags = v467.tags
}
vpc v467 {
  cidr = "10.0.0.0/16"
  tags = v468.tags
}
vpc v468 {
  cidr = "10.0.0.0/16"
  tags = v469.tags
}
vpc v469 {
  cidr = "10.0.0.0/16"
  tags = v470.tags
}
vpc v470 {
  cidr = "10.0.0.0/16"
  tags = v471.tags
}
vpc v471 {
  cidr = "10.0.0.0/16"
  tags = v472.tags
}
vpc v472 {
  cidr = "10.0.0.0/16"
  tags = v473.tags
}
vpc v473 {
  cidr = "10.0.0.0/16"
  tags = v474.tags
}
vpc v474 {
  cidr = "10.0.0.0/16"
  tags = v475.tags
}
vpc v475 {
  cidr = "10.0.0.0/16"
  tags = v476.tags
}
vpc v476 {
  cidr = "10.0.0.0/16"
  tags = v477.tags
}
vpc v477 {
  cidr = "10.0.0.0/16"
  tags = v478.tags
}
vpc v478 {
  cidr = "10.0.0.0/16"
  tags = v479.tags
}
vpc v479 {
  cidr = "10.0.0.0/16"
  tags = v480.tags
}
vpc v480 {
  cidr = "10.0.0.0/16"
  tags = v481.tags
}
vpc v481 {
  cidr = "10.0.0.0/16"
  tags = v482.tags
}
vpc v482 {
  cidr = "10.0.0.0/16"
  tags = v483.tags
}
vpc v483 {
  cidr = "10.0.0.0/16"
  tags = v484.tags
}
vpc v484 {
  cidr = "10.0.0.0/16"
  tags = v485.tags
}
vpc v485 {
  cidr = "10.0.0.0/16"
  tags = v486.tags
}
vpc v486 {
  cidr = "10.0.0.0/16"
  tags = v487.tags
}
vpc v487 {
  cidr = "10.0.0.0/16"
  tags = v488.tags
}
vpc v488 {
  cidr = "10.0.0.0/16"
  tags = v489.tags
}
vpc v489 {
  cidr = "10.0.0.0/16"
  tags = v490.tags
}
vpc v490 {
  cidr = "10.0.0.0/16"
  tags = v491.tags
}
vpc v491 {
  cidr = "10.0.0.0/16"
  tags = v492.tags
}
vpc v492 {
  cidr = "10.0.0.0/16"
  tags = v493.tags
}
vpc v493 {
  cidr = "10.0.0.0/16"
  tags = v494.tags
}
vpc v494 {
  cidr = "10.0.0.0/16"
  tags = v495.tags
}
vpc v495 {
  cidr = "10.0.0.0/16"
  tags = v496.tags
}
vpc v496 {
  cidr = "10.0.0.0/16"
  tags = v497.tags
}
vpc v497 {
  cidr = "10.0.0.0/16"
  tags = v498.tags
}
vpc v498 {
  cidr = "10.0.0.0/16"
  tags = v499.tags
}
vpc v499 {
  cidr = "10.0.0.0/16"
  tags = v500.tags
}
vpc v500 {
  cidr = "10.0.0.0/16"
  tags = v501.tags
}
vpc v501 {
  cidr = "10.0.0.0/16"
  tags = v502.tags
}
vpc v502 {
  cidr = "10.0.0.0/16"
  tags = v503.tags
}
vpc v503 {
  cidr = "10.0.0.0/16"
  tags = v504.tags
}
vpc v504 {
  cidr = "10.0.0.0/16"
  tags = v505.tags
}
vpc v505 {
  cidr = "10.0.0.0/16"
  tags = v506.tags
}
vpc v506 {
  cidr = "10.0.0.0/16"
  tags = v507.tags
}
vpc v507 {
  cidr = "10.0.0.0/16"
  tags = v508.tags
}
vpc v508 {
  cidr = "10.0.0.0/16"
  tags = v509.tags
}
vpc v509 {
  cidr = "10.0.0.0/16"
  tags = v510.tags
}
vpc v510 {
  cidr = "10.0.0.0/16"
  tags = v511.tags
}
vpc v511 {
  cidr = "10.0.0.0/16"
  tags = v512.tags
}
vpc v512 {
  cidr = "10.0.0.0/16"
  tags = v513.tags
}
vpc v513 {
  cidr = "10.0.0.0/16"
  tags = v514.tags
}
vpc v514 {
  cidr = "10.0.0.0/16"
  tags = v515.tags
}
vpc v515 {
  cidr = "10.0.0.0/16"
  tags = v516.tags
}
vpc v516 {
  cidr = "10.0.0.0/16"
  tags = v517.tags
}
vpc v517 {
  cidr = "10.0.0.0/16"
  tags = v518.tags
}
vpc v518 {
  cidr = "10.0.0.0/16"
  tags = v519.tags
}
vpc v519 {
  cidr = "10.0.0.0/16"
  tags = v520.tags
}
vpc v520 {
  cidr = "10.0.0.0/16"
  tags = v521.tags
}
vpc v521 {
  cidr = "10.0.0.0/16"
  tags = v522.tags
}
vpc v522 {
  cidr = "10.0.0.0/16"
  tags = v523.tags
}
vpc v523 {
  cidr = "10.0.0.0/16"
  tags = v524.tags
}
vpc v524 {
  cidr = "10.0.0.0/16"
  tags = v525.tags
}
vpc v525 {
  cidr = "10.0.0.0/16"
  tags = v526.tags
}
vpc v526 {
  cidr = "10.0.0.0/16"
  tags = v527.tags
}
vpc v527 {
  cidr = "10.0.0.0/16"
  tags = v528.tags
}
vpc v528 {
  cidr = "10.0.0.0/16"
  tags = v529.tags
}
vpc v529 {
  cidr = "10.0.0.0/16"
  tags = v530.tags
}
vpc v530 {
  cidr = "10.0.0.0/16"
  tags = v531.tags
}
vpc v531 {
  cidr = "10.0.0.0/16"
  tags = v532.tags
}
vpc v532 {
  cidr = "10.0.0.0/16"
  tags = v533.tags
}
vpc v533 {
  cidr = "10.0.0.0/16"
  tags = v534.tags
}
vpc v534 {
  cidr = "10.0.0.0/16"
  tags = v535.tags
}
vpc v535 {
  cidr = "10.0.0.0/16"
  tags = v536.tags
}
vpc v536 {
  cidr = "10.0.0.0/16"
  tags = v537.tags
}
vpc v537 {
  cidr = "10.0.0.0/16"
  tags = v538.tags
}
vpc v538 {
  cidr = "10.0.0.0/16"
  tags = v539.tags
}
vpc v539 {
  cidr = "10.0.0.0/16"
  tags = v540.tags
}
vpc v540 {
  cidr = "10.0.0.0/16"
  tags = v541.tags
}
vpc v541 {
  cidr = "10.0.0.0/16"
  tags = v542.tags
}
vpc v542 {
  cidr = "10.0.0.0/16"
  tags = v543.tags
}
vpc v543 {
  cidr = "10.0.0.0/16"
  tags = v544.tags
}
vpc v544 {
  cidr = "10.0.0.0/16"
  tags = v545.tags
}
vpc v545 {
  cidr = "10.0.0.0/16"
  tags = v546.tags
}
vpc v546 {
  cidr = "10.0.0.0/16"
  tags = v547.tags
}
vpc v547 {
  cidr = "10.0.0.0/16"
  tags = v548.tags
}
vpc v548 {
  cidr = "10.0.0.0/16"
  tags = v549.tags
}
vpc v549 {
  cidr = "10.0.0.0/16"
  tags = v550.tags
}
vpc v550 {
  cidr = "10.0.0.0/16"
  tags = v551.tags
}
vpc v551 {
  cidr = "10.0.0.0/16"
  tags = v552.tags
}
vpc v552 {
  cidr = "10.0.0.0/16"
  tags = v553.tags
}
vpc v553 {
  cidr = "10.0.0.0/16"
  tags = v554.tags
}
vpc v554 {
  cidr = "10.0.0.0/16"
  tags = v555.tags
}
vpc v555 {
  cidr = "10.0.0.0/16"
  tags = v556.tags
}
vpc v556 {
  cidr = "10.0.0.0/16"
  tags = v557.tags
}
vpc v557 {
  cidr = "10.0.0.0/16"
  tags = v558.tags
}
vpc v558 {
  cidr = "10.0.0.0/16"
  tags = v559.tags
}
vpc v559 {
  cidr = "10.0.0.0/16"
  tags = v560.tags
}
vpc v560 {
  cidr = "10.0.0.0/16"
  tags = v561.tags
}
vpc v561 {
  cidr = "10.0.0.0/16"
  tags = v562.tags
}
vpc v562 {
  cidr = "10.0.0.0/16"
  tags = v563.tags
}
vpc v563 {
  cidr = "10.0.0.0/16"
  tags = v564.tags
}
vpc v564 {
  cidr = "10.0.0.0/16"
  tags = v565.tags
}
vpc v565 {
  cidr = "10.0.0.0/16"
  tags = v566.tags
}
vpc v566 {
  cidr = "10.0.0.0/16"
  tags = v567.tags
}
vpc v567 {
  cidr = "10.0.0.0/16"
  tags = v568.tags
}
vpc v568 {
  cidr = "10.0.0.0/16"
  tags = v569.tags
}
vpc v569 {
  cidr = "10.0.0.0/16"
  tags = v570.tags
}
vpc v570 {
  cidr = "10.0.0.0/16"
  tags = v571.tags
}
vpc v571 {
  cidr = "10.0.0.0/16"
  tags = v572.tags
}
vpc v572 {
  cidr = "10.0.0.0/16"
  tags = v573.tags
}
vpc v573 {
  cidr = "10.0.0.0/16"
  tags = v574.tags
}
vpc v574 {
  cidr = "10.0.0.0/16"
  tags = v575.tags
}
vpc v575 {
  cidr = "10.0.0.0/16"
  tags = v576.tags
}
vpc v576 {
  cidr = "10.0.0.0/16"
  tags = v577.tags
}
vpc v577 {
  cidr = "10.0.0.0/16"
  tags = v578.tags
}
vpc v578 {
  cidr = "10.0.0.0/16"
  tags = v579.tags
}
vpc v579 {
  cidr = "10.0.0.0/16"
  tags = v580.tags
}
vpc v580 {
  cidr = "10.0.0.0/16"
  tags = v581.tags
}
vpc v581 {
  cidr = "10.0.0.0/16"
  tags = v582.tags
}
vpc v582 {
  cidr = "10.0.0.0/16"
  tags = v583.tags
}
vpc v583 {
  cidr = "10.0.0.0/16"
  tags = v584.tags
}
vpc v584 {
  cidr = "10.0.0.0/16"
  tags = v585.tags
}
vpc v585 {
  cidr = "10.0.0.0/16"
  tags = v586.tags
}
vpc v586 {
  cidr = "10.0.0.0/16"
  tags = v587.tags
}
vpc v587 {
  cidr = "10.0.0.0/16"
  tags = v588.tags
}
vpc v588 {
  cidr = "10.0.0.0/16"
  tags = v589.tags
}
vpc v589 {
  cidr = "10.0.0.0/16"
  tags = v590.tags
}
vpc v590 {
  cidr = "10.0.0.0/16"
  tags = v591.tags
}
vpc v591 {
  cidr = "10.0.0.0/16"
  tags = v592.tags
}
vpc v592 {
  cidr = "10.0.0.0/16"
  tags = v593.tags
}
vpc v593 {
  cidr = "10.0.0.0/16"
  tags = v594.tags
}
vpc v594 {
  cidr = "10.0.0.0/16"
  tags = v595.tags
}
vpc v595 {
  cidr = "10.0.0.0/16"
  tags = v596.tags
}
vpc v596 {
  cidr = "10.0.0.0/16"
  tags = v597.tags
}
vpc v597 {
  cidr = "10.0.0.0/16"
  tags = v598.tags
}
vpc v598 {
  cidr = "10.0.0.0/16"
  tags = v599.tags
}
vpc v599 {
  cidr = "10.0.0.0/16"
  tags = v600.tags
}
vpc v600 {
  cidr = "10.0.0.0/16"
  tags = v601.tags
}
vpc v601 {
  cidr = "10.0.0.0/16"
  tags = v602.tags
}
vpc v602 {
  cidr = "10.0.0.0/16"
  tags = v603.tags
}
vpc v603 {
  cidr = "10.0.0.0/16"
  tags = v604.tags
}
vpc v604 {
  cidr = "10.0.0.0/16"
  tags = v605.tags
}
vpc v605 {
  cidr = "10.0.0.0/16"
  tags = v606.tags
}
vpc v606 {
  cidr = "10.0.0.0/16"
  tags = v607.tags
}
vpc v607 {
  cidr = "10.0.0.0/16"
  tags = v608.tags
}
vpc v608 {
  cidr = "10.0.0.0/16"
  tags = v609.tags
}
vpc v609 {
  cidr = "10.0.0.0/16"
  tags = v610.tags
}
vpc v610 {
  cidr = "10.0.0.0/16"
  tags = v611.tags
}
vpc v611 {
  cidr = "10.0.0.0/16"
  tags = v612.tags
}
vpc v612 {
  cidr = "10.0.0.0/16"
  tags = v613.tags
}
vpc v613 {
  cidr = "10.0.0.0/16"
  tags = v614.tags
}
vpc v614 {
  cidr = "10.0.0.0/16"
  tags = v615.tags
}
vpc v615 {
  cidr = "10.0.0.0/16"
  tags = v616.tags
}
vpc v616 {
  cidr = "10.0.0.0/16"
  tags = v617.tags
}
vpc v617 {
  cidr = "10.0.0.0/16"
  tags = v618.tags
}
vpc v618 {
  cidr = "10.0.0.0/16"
  tags = v619.tags
}
vpc v619 {
  cidr = "10.0.0.0/16"
  tags = v620.tags
}
vpc v620 {
  cidr = "10.0.0.0/16"
  tags = v621.tags
}
vpc v621 {
  cidr = "10.0.0.0/16"
  tags = v622.tags
}
vpc v622 {
  cidr = "10.0.0.0/16"
  tags = v623.tags
}
vpc v623 {
  cidr = "10.0.0.0/16"
  tags = v624.tags
}
vpc v624 {
  cidr = "10.0.0.0/16"
  tags = v625.tags
}
vpc v625 {
  cidr = "10.0.0.0/16"
  tags = v626.tags
}
vpc v626 {
  cidr = "10.0.0.0/16"
  tags = v627.tags
}
vpc v627 {
  cidr = "10.0.0.0/16"
  tags = v628.tags
}
vpc v628 {
  cidr = "10.0.0.0/16"
  tags = v629.tags
}
vpc v629 {
  cidr = "10.0.0.0/16"
  tags = v630.tags
}
vpc v630 {
  cidr = "10.0.0.0/16"
  tags = v631.tags
}
vpc v631 {
  cidr = "10.0.0.0/16"
  tags = v632.tags
}
vpc v632 {
  cidr = "10.0.0.0/16"
  tags = v633.tags
}
vpc v633 {
  cidr = "10.0.0.0/16"
  tags = v634.tags
}
vpc v634 {
  cidr = "10.0.0.0/16"
  tags = v635.tags
}
vpc v635 {
  cidr = "10.0.0.0/16"
  tags = v636.tags
}
vpc v636 {
  cidr = "10.0.0.0/16"
  tags = v637.tags
}
vpc v637 {
  cidr = "10.0.0.0/16"
  tags = v638.tags
}
vpc v638 {
  cidr = "10.0.0.0/16"
  tags = v639.tags
}
vpc v639 {
  cidr = "10.0.0.0/16"
  tags = v640.tags
}
vpc v640 {
  cidr = "10.0.0.0/16"
  tags = v641.tags
}
vpc v641 {
  cidr = "10.0.0.0/16"
  tags = v642.tags
}
vpc v642 {
  cidr = "10.0.0.0/16"
  tags = v643.tags
}
vpc v643 {
  cidr = "10.0.0.0/16"
  tags = v644.tags
}
vpc v644 {
  cidr = "10.0.0.0/16"
  tags = v645.tags
}
vpc v645 {
  cidr = "10.0.0.0/16"
  tags = v646.tags
}
vpc v646 {
  cidr = "10.0.0.0/16"
  tags = v647.tags
}
vpc v647 {
  cidr = "10.0.0.0/16"
  tags = v648.tags
}
vpc v648 {
  cidr = "10.0.0.0/16"
  tags = v649.tags
}
vpc v649 {
  cidr = "10.0.0.0/16"
  tags = v650.tags
}
vpc v650 {
  cidr = "10.0.0.0/16"
  tags = v651.tags
}
vpc v651 {
  cidr = "10.0.0.0/16"
  tags = v652.tags
}
vpc v652 {
  cidr = "10.0.0.0/16"
  tags = v653.tags
}
vpc v653 {
  cidr = "10.0.0.0/16"
  tags = v654.tags
}
vpc v654 {
  cidr = "10.0.0.0/16"
  tags = v655.tags
}
vpc v655 {
  cidr = "10.0.0.0/16"
  tags = v656.tags
}
vpc v656 {
  cidr = "10.0.0.0/16"
  tags = v657.tags
}
vpc v657 {
  cidr = "10.0.0.0/16"
  tags = v658.tags
}
vpc v658 {
  cidr = "10.0.0.0/16"
  tags = v659.tags
}
vpc v659 {
  cidr = "10.0.0.0/16"
  tags = v660.tags
}
vpc v660 {
  cidr = "10.0.0.0/16"
  tags = v661.tags
}
vpc v661 {
  cidr = "10.0.0.0/16"
  tags = v662.tags
}
vpc v662 {
  cidr = "10.0.0.0/16"
  tags = v663.tags
}
vpc v663 {
  cidr = "10.0.0.0/16"
  tags = v664.tags
}
vpc v664 {
  cidr = "10.0.0.0/16"
  tags = v665.tags
}
vpc v665 {
  cidr = "10.0.0.0/16"
  tags = v666.tags
}
vpc v666 {
  cidr = "10.0.0.0/16"
  tags = v667.tags
}
vpc v667 {
  cidr = "10.0.0.0/16"
  tags = v668.tags
}
vpc v668 {
  cidr = "10.0.0.0/16"
  tags = v669.tags
}
vpc v669 {
  cidr = "10.0.0.0/16"
  tags = v670.tags
}
vpc v670 {
  cidr = "10.0.0.0/16"
  tags = v671.tags
}
vpc v671 {
  cidr = "10.0.0.0/16"
  tags = v672.tags
}
vpc v672 {
  cidr = "10.0.0.0/16"
  tags = v673.tags
}
vpc v673 {
  cidr = "10.0.0.0/16"
  tags = v674.tags
}
vpc v674 {
  cidr = "10.0.0.0/16"
  tags = v675.tags
}
vpc v675 {
  cidr = "10.0.0.0/16"
  tags = v676.tags
}
vpc v676 {
  cidr = "10.0.0.0/16"
  tags = v677.tags
}
vpc v677 {
  cidr = "10.0.0.0/16"
  tags = v678.tags
}
vpc v678 {
  cidr = "10.0.0.0/16"
  tags = v679.tags
}
vpc v679 {
  cidr = "10.0.0.0/16"
  tags = v680.tags
}
vpc v680 {
  cidr = "10.0.0.0/16"
  tags = v681.tags
}
vpc v681 {
  cidr = "10.0.0.0/16"
  tags = v682.tags
}
vpc v682 {
  cidr = "10.0.0.0/16"
  tags = v683.tags
}
vpc v683 {
  cidr = "10.0.0.0/16"
  tags = v684.tags
}
vpc v684 {
  cidr = "10.0.0.0/16"
  tags = v685.tags
}
vpc v685 {
  cidr = "10.0.0.0/16"
  tags = v686.tags
}
vpc v686 {
  cidr = "10.0.0.0/16"
  tags = v687.tags
}
vpc v687 {
  cidr = "10.0.0.0/16"
  tags = v688.tags
}
vpc v688 {
  cidr = "10.0.0.0/16"
  tags = v689.tags
}
vpc v689 {
  cidr = "10.0.0.0/16"
  tags = v690.tags
}
vpc v690 {
  cidr = "10.0.0.0/16"
  tags = v691.tags
}
vpc v691 {
  cidr = "10.0.0.0/16"
  tags = v692.tags
}
vpc v692 {
  cidr = "10.0.0.0/16"
  tags = v693.tags
}
vpc v693 {
  cidr = "10.0.0.0/16"
  tags = v694.tags
}
vpc v694 {
  cidr = "10.0.0.0/16"
  tags = v695.tags
}
vpc v695 {
  cidr = "10.0.0.0/16"
  tags = v696.tags
}
vpc v696 {
  cidr = "10.0.0.0/16"
  tags = v697.tags
}
vpc v697 {
  cidr = "10.0.0.0/16"
  tags = v698.tags
}
vpc v698 {
  cidr = "10.0.0.0/16"
  tags = v699.tags
}
vpc v699 {
  cidr = "10.0.0.0/16"
  tags = v700.tags
}
vpc v700 {
  cidr = "10.0.0.0/16"
  tags = v701.tags
}
vpc v701 {
  cidr = "10.0.0.0/16"
  tags = v702.tags
}
vpc v702 {
  cidr = "10.0.0.0/16"
  tags = v703.tags
}
vpc v703 {
  cidr = "10.0.0.0/16"
  tags = v704.tags
}
vpc v704 {
  cidr = "10.0.0.0/16"
  tags = v705.tags
}
vpc v705 {
  cidr = "10.0.0.0/16"
  tags = v706.tags
}
vpc v706 {
  cidr = "10.0.0.0/16"
  tags = v707.tags
}
vpc v707 {
  cidr = "10.0.0.0/16"
  tags = v708.tags
}
vpc v708 {
  cidr = "10.0.0.0/16"
  tags = v709.tags
}
vpc v709 {
  cidr = "10.0.0.0/16"
  tags = v710.tags
}
vpc v710 {
  cidr = "10.0.0.0/16"
  tags = v711.tags
}
vpc v711 {
  cidr = "10.0.0.0/16"
  tags = v712.tags
}
vpc v712 {
  cidr = "10.0.0.0/16"
  tags = v713.tags
}
vpc v713 {
  cidr = "10.0.0.0/16"
  tags = v714.tags
}
vpc v714 {
  cidr = "10.0.0.0/16"
  tags = v715.tags
}
vpc v715 {
  cidr = "10.0.0.0/16"
  tags = v716.tags
}
vpc v716 {
  cidr = "10.0.0.0/16"
  tags = v717.tags
}
vpc v717 {
  cidr = "10.0.0.0/16"
  tags = v718.tags
}
vpc v718 {
  cidr = "10.0.0.0/16"
  tags = v719.tags
}
vpc v719 {
  cidr = "10.0.0.0/16"
  tags = v720.tags
}
vpc v720 {
  cidr = "10.0.0.0/16"
  tags = v721.tags
}
vpc v721 {
  cidr = "10.0.0.0/16"
  tags = v722.tags
}
vpc v722 {
  cidr = "10.0.0.0/16"
  tags = v723.tags
}
vpc v723 {
  cidr = "10.0.0.0/16"
  tags = v724.tags
}
vpc v724 {
  cidr = "10.0.0.0/16"
  tags = v725.tags
}
vpc v725 {
  cidr = "10.0.0.0/16"
  tags = v726.tags
}
vpc v726 {
  cidr = "10.0.0.0/16"
  tags = v727.tags
}
vpc v727 {
  cidr = "10.0.0.0/16"
  tags = v728.tags
}
vpc v728 {
  cidr = "10.0.0.0/16"
  tags = v729.tags
}
vpc v729 {
  cidr = "10.0.0.0/16"
  tags = v730.tags
}
vpc v730 {
  cidr = "10.0.0.0/16"
  tags = v731.tags
}
vpc v731 {
  cidr = "10.0.0.0/16"
  tags = v732.tags
}
vpc v732 {
  cidr = "10.0.0.0/16"
  tags = v733.tags
}
vpc v733 {
  cidr = "10.0.0.0/16"
  tags = v734.tags
}
vpc v734 {
  cidr = "10.0.0.0/16"
  tags = v735.tags
}
vpc v735 {
  cidr = "10.0.0.0/16"
  tags = v736.tags
}
vpc v736 {
  cidr = "10.0.0.0/16"
  tags = v737.tags
}
vpc v737 {
  cidr = "10.0.0.0/16"
  tags = v738.tags
}
vpc v738 {
  cidr = "10.0.0.0/16"
  tags = v739.tags
}
vpc v739 {
  cidr = "10.0.0.0/16"
  tags = v740.tags
}
vpc v740 {
  cidr = "10.0.0.0/16"
  tags = v741.tags
}
vpc v741 {
  cidr = "10.0.0.0/16"
  tags = v742.tags
}
vpc v742 {
  cidr = "10.0.0.0/16"
  tags = v743.tags
}
vpc v743 {
  cidr = "10.0.0.0/16"
  tags = v744.tags
}
vpc v744 {
  cidr = "10.0.0.0/16"
  tags = v745.tags
}
vpc v745 {
  cidr = "10.0.0.0/16"
  tags = v746.tags
}
vpc v746 {
  cidr = "10.0.0.0/16"
  tags = v747.tags
}
vpc v747 {
  cidr = "10.0.0.0/16"
  tags = v748.tags
}
vpc v748 {
  cidr = "10.0.0.0/16"
  tags = v749.tags
}
vpc v749 {
  cidr = "10.0.0.0/16"
  tags = v750.tags
}
vpc v750 {
  cidr = "10.0.0.0/16"
  tags = v751.tags
}
vpc v751 {
  cidr = "10.0.0.0/16"
  tags = v752.tags
}
vpc v752 {
  cidr = "10.0.0.0/16"
  tags = v753.tags
}
vpc v753 {
  cidr = "10.0.0.0/16"
  tags = v754.tags
}
vpc v754 {
  cidr = "10.0.0.0/16"
  tags = v755.tags
}
vpc v755 {
  cidr = "10.0.0.0/16"
  tags = v756.tags
}
vpc v756 {
  cidr = "10.0.0.0/16"
  tags = v757.tags
}
vpc v757 {
  cidr = "10.0.0.0/16"
  tags = v758.tags
}
vpc v758 {
  cidr = "10.0.0.0/16"
  tags = v759.tags
}
vpc v759 {
  cidr = "10.0.0.0/16"
  tags = v760.tags
}
vpc v760 {
  cidr = "10.0.0.0/16"
  tags = v761.tags
}
vpc v761 {
  cidr = "10.0.0.0/16"
  tags = v762.tags
}
vpc v762 {
  cidr = "10.0.0.0/16"
  tags = v763.tags
}
vpc v763 {
  cidr = "10.0.0.0/16"
  tags = v764.tags
}
vpc v764 {
  cidr = "10.0.0.0/16"
  tags = v765.tags
}
vpc v765 {
  cidr = "10.0.0.0/16"
  tags = v766.tags
}
vpc v766 {
  cidr = "10.0.0.0/16"
  tags = v767.tags
}
vpc v767 {
  cidr = "10.0.0.0/16"
  tags = v768.tags
}
vpc v768 {
  cidr = "10.0.0.0/16"
  tags = v769.tags
}
vpc v769 {
  cidr = "10.0.0.0/16"
  tags = v770.tags
}
vpc v770 {
  cidr = "10.0.0.0/16"
  tags = v771.tags
}
vpc v771 {
  cidr = "10.0.0.0/16"
  tags = v772.tags
}
vpc v772 {
  cidr = "10.0.0.0/16"
  tags = v773.tags
}
vpc v773 {
  cidr = "10.0.0.0/16"
  tags = v774.tags
}
vpc v774 {
  cidr = "10.0.0.0/16"
  tags = v775.tags
}
vpc v775 {
  cidr = "10.0.0.0/16"
  tags = v776.tags
}
vpc v776 {
  cidr = "10.0.0.0/16"
  tags = v777.tags
}
vpc v777 {
  cidr = "10.0.0.0/16"
  tags = v778.tags
}
vpc v778 {
  cidr = "10.0.0.0/16"
  tags = v779.tags
}
vpc v779 {
  cidr = "10.0.0.0/16"
  tags = v780.tags
}
vpc v780 {
  cidr = "10.0.0.0/16"
  tags = v781.tags
}
vpc v781 {
  cidr = "10.0.0.0/16"
  tags = v782.tags
}
vpc v782 {
  cidr = "10.0.0.0/16"
  tags = v783.tags
}
vpc v783 {
  cidr = "10.0.0.0/16"
  tags = v784.tags
}
vpc v784 {
  cidr = "10.0.0.0/16"
  tags = v785.tags
}
vpc v785 {
  cidr = "10.0.0.0/16"
  tags = v786.tags
}
vpc v786 {
  cidr = "10.0.0.0/16"
  tags = v787.tags
}
vpc v787 {
  cidr = "10.0.0.0/16"
  tags = v788.tags
}
vpc v788 {
  cidr = "10.0.0.0/16"
  tags = v789.tags
}
vpc v789 {
  cidr = "10.0.0.0/16"
  tags = v790.tags
}
vpc v790 {
  cidr = "10.0.0.0/16"
  tags = v791.tags
}
vpc v791 {
  cidr = "10.0.0.0/16"
  tags = v792.tags
}
vpc v792 {
  cidr = "10.0.0.0/16"
  tags = v793.tags
}
vpc v793 {
  cidr = "10.0.0.0/16"
  tags = v794.tags
}
vpc v794 {
  cidr = "10.0.0.0/16"
  tags = v795.tags
}
vpc v795 {
  cidr = "10.0.0.0/16"
  tags = v796.tags
}
vpc v796 {
  cidr = "10.0.0.0/16"
  tags = v797.tags
}
vpc v797 {
  cidr = "10.0.0.0/16"
  tags = v798.tags
}
vpc v798 {
  cidr = "10.0.0.0/16"
  tags = v799.tags
}
vpc v799 {
  cidr = "10.0.0.0/16"
  tags = v800.tags
}
vpc v800 {
  cidr = "10.0.0.0/16"
  tags = v801.tags
}
vpc v801 {
  cidr = "10.0.0.0/16"
  tags = v802.tags
}
vpc v802 {
  cidr = "10.0.0.0/16"
  tags = v803.tags
}
vpc v803 {
  cidr = "10.0.0.0/16"
  tags = v804.tags
}
vpc v804 {
  cidr = "10.0.0.0/16"
  tags = v805.tags
}
vpc v805 {
  cidr = "10.0.0.0/16"
  tags = v806.tags
}
vpc v806 {
  cidr = "10.0.0.0/16"
  tags = v807.tags
}
vpc v807 {
  cidr = "10.0.0.0/16"
  tags = v808.tags
}
vpc v808 {
  cidr = "10.0.0.0/16"
  tags = v809.tags
}
vpc v809 {
  cidr = "10.0.0.0/16"
  tags = v810.tags
}
vpc v810 {
  cidr = "10.0.0.0/16"
  tags = v811.tags
}
vpc v811 {
  cidr = "10.0.0.0/16"
  tags = v812.tags
}
vpc v812 {
  cidr = "10.0.0.0/16"
  tags = v813.tags
}
vpc v813 {
  cidr = "10.0.0.0/16"
  tags = v814.tags
}
vpc v814 {
  cidr = "10.0.0.0/16"
  tags = v815.tags
}
vpc v815 {
  cidr = "10.0.0.0/16"
  tags = v816.tags
}
vpc v816 {
  cidr = "10.0.0.0/16"
  tags = v817.tags
}
vpc v817 {
  cidr = "10.0.0.0/16"
  tags = v818.tags
}
vpc v818 {
  cidr = "10.0.0.0/16"
  tags = v819.tags
}
vpc v819 {
  cidr = "10.0.0.0/16"
  tags = v820.tags
}
vpc v820 {
  cidr = "10.0.0.0/16"
  tags = v821.tags
}
vpc v821 {
  cidr = "10.0.0.0/16"
  tags = v822.tags
}
vpc v822 {
  cidr = "10.0.0.0/16"
  tags = v823.tags
}
vpc v823 {
  cidr = "10.0.0.0/16"
  tags = v824.tags
}
vpc v824 {
  cidr = "10.0.0.0/16"
  tags = v825.tags
}
vpc v825 {
  cidr = "10.0.0.0/16"
  tags = v826.tags
}
vpc v826 {
  cidr = "10.0.0.0/16"
  tags = v827.tags
}
vpc v827 {
  cidr = "10.0.0.0/16"
  tags = v828.tags
}
vpc v828 {
  cidr = "10.0.0.0/16"
  tags = v829.tags
}
vpc v829 {
  cidr = "10.0.0.0/16"
  tags = v830.tags
}
vpc v830 {
  cidr = "10.0.0.0/16"
  tags = v831.tags
}
vpc v831 {
  cidr = "10.0.0.0/16"
  tags = v832.tags
}
vpc v832 {
  cidr = "10.0.0.0/16"
  tags = v833.tags
}
vpc v833 {
  cidr = "10.0.0.0/16"
  tags = v834.tags
}
vpc v834 {
  cidr = "10.0.0.0/16"
  tags = v835.tags
}
vpc v835 {
  cidr = "10.0.0.0/16"
  tags = v836.tags
}
vpc v836 {
  cidr = "10.0.0.0/16"
  tags = v837.tags
}
vpc v837 {
  cidr = "10.0.0.0/16"
  tags = v838.tags
}
vpc v838 {
  cidr = "10.0.0.0/16"
  tags = v839.tags
}
vpc v839 {
  cidr = "10.0.0.0/16"
  tags = v840.tags
}
vpc v840 {
  cidr = "10.0.0.0/16"
  tags = v841.tags
}
vpc v841 {
  cidr = "10.0.0.0/16"
  tags = v842.tags
}
vpc v842 {
  cidr = "10.0.0.0/16"
  tags = v843.tags
}
vpc v843 {
  cidr = "10.0.0.0/16"
  tags = v844.tags
}
vpc v844 {
  cidr = "10.0.0.0/16"
  tags = v845.tags
}
vpc v845 {
  cidr = "10.0.0.0/16"
  tags = v846.tags
}
vpc v846 {
  cidr = "10.0.0.0/16"
  tags = v847.tags
}
vpc v847 {
  cidr = "10.0.0.0/16"
  tags = v848.tags
}
vpc v848 {
  cidr = "10.0.0.0/16"
  tags = v849.tags
}
vpc v849 {
  cidr = "10.0.0.0/16"
  tags = v850.tags
}
vpc v850 {
  cidr = "10.0.0.0/16"
  tags = v851.tags
}
vpc v851 {
  cidr = "10.0.0.0/16"
  tags = v852.tags
}
vpc v852 {
  cidr = "10.0.0.0/16"
  tags = v853.tags
}
vpc v853 {
  cidr = "10.0.0.0/16"
  tags = v854.tags
}
vpc v854 {
  cidr = "10.0.0.0/16"
  tags = v855.tags
}
vpc v855 {
  cidr = "10.0.0.0/16"
  tags = v856.tags
}
vpc v856 {
  cidr = "10.0.0.0/16"
  tags = v857.tags
}
vpc v857 {
  cidr = "10.0.0.0/16"
  tags = v858.tags
}
vpc v858 {
  cidr = "10.0.0.0/16"
  tags = v859.tags
}
vpc v859 {
  cidr = "10.0.0.0/16"
  tags = v860.tags
}
vpc v860 {
  cidr = "10.0.0.0/16"
  tags = v861.tags
}
vpc v861 {
  cidr = "10.0.0.0/16"
  tags = v862.tags
}
vpc v862 {
  cidr = "10.0.0.0/16"
  tags = v863.tags
}
vpc v863 {
  cidr = "10.0.0.0/16"
  tags = v864.tags
}
vpc v864 {
  cidr = "10.0.0.0/16"
  tags = v865.tags
}
vpc v865 {
  cidr = "10.0.0.0/16"
  tags = v866.tags
}
vpc v866 {
  cidr = "10.0.0.0/16"
  tags = v867.tags
}
vpc v867 {
  cidr = "10.0.0.0/16"
  tags = v868.tags
}
vpc v868 {
  cidr = "10.0.0.0/16"
  tags = v869.tags
}
vpc v869 {
  cidr = "10.0.0.0/16"
  tags = v870.tags
}
vpc v870 {
  cidr = "10.0.0.0/16"
  tags = v871.tags
}
vpc v871 {
  cidr = "10.0.0.0/16"
  tags = v872.tags
}
vpc v872 {
  cidr = "10.0.0.0/16"
  tags = v873.tags
}
vpc v873 {
  cidr = "10.0.0.0/16"
  tags = v874.tags
}
vpc v874 {
  cidr = "10.0.0.0/16"
  tags = v875.tags
}
vpc v875 {
  cidr = "10.0.0.0/16"
  tags = v876.tags
}
vpc v876 {
  cidr = "10.0.0.0/16"
  tags = v877.tags
}
vpc v877 {
  cidr = "10.0.0.0/16"
  tags = v878.tags
}
vpc v878 {
  cidr = "10.0.0.0/16"
  tags = v879.tags
}
vpc v879 {
  cidr = "10.0.0.0/16"
  tags = v880.tags
}
vpc v880 {
  cidr = "10.0.0.0/16"
  tags = v881.tags
}
vpc v881 {
  cidr = "10.0.0.0/16"
  tags = v882.tags
}
vpc v882 {
  cidr = "10.0.0.0/16"
  tags = v883.tags
}
vpc v883 {
  cidr = "10.0.0.0/16"
  tags = v884.tags
}
vpc v884 {
  cidr = "10.0.0.0/16"
  tags = v885.tags
}
vpc v885 {
  cidr = "10.0.0.0/16"
  tags = v886.tags
}
vpc v886 {
  cidr = "10.0.0.0/16"
  tags = v887.tags
}
vpc v887 {
  cidr = "10.0.0.0/16"
  tags = v888.tags
}
vpc v888 {
  cidr = "10.0.0.0/16"
  tags = v889.tags
}
vpc v889 {
  cidr = "10.0.0.0/16"
  tags = v890.tags
}
vpc v890 {
  cidr = "10.0.0.0/16"
  tags = v891.tags
}
vpc v891 {
  cidr = "10.0.0.0/16"
  tags = v892.tags
}
vpc v892 {
  cidr = "10.0.0.0/16"
  tags = v893.tags
}
vpc v893 {
  cidr = "10.0.0.0/16"
  tags = v894.tags
}
vpc v894 {
  cidr = "10.0.0.0/16"
  tags = v895.tags
}
vpc v895 {
  cidr = "10.0.0.0/16"
  tags = v896.tags
}
vpc v896 {
  cidr = "10.0.0.0/16"
  tags = v897.tags
}
vpc v897 {
  cidr = "10.0.0.0/16"
  tags = v898.tags
}
vpc v898 {
  cidr = "10.0.0.0/16"
  tags = v899.tags
}
vpc v899 {
  cidr = "10.0.0.0/16"
  tags = v900.tags
}
vpc v900 {
  cidr = "10.0.0.0/16"
  tags = v901.tags
}
vpc v901 {
  cidr = "10.0.0.0/16"
  tags = v902.tags
}
vpc v902 {
  cidr = "10.0.0.0/16"
  tags = v903.tags
}
vpc v903 {
  cidr = "10.0.0.0/16"
  tags = v904.tags
}
vpc v904 {
  cidr = "10.0.0.0/16"
  tags = v905.tags
}
vpc v905 {
  cidr = "10.0.0.0/16"
  tags = v906.tags
}
vpc v906 {
  cidr = "10.0.0.0/16"
  tags = v907.tags
}
vpc v907 {
  cidr = "10.0.0.0/16"
  tags = v908.tags
}
vpc v908 {
  cidr = "10.0.0.0/16"
  tags = v909.tags
}
vpc v909 {
  cidr = "10.0.0.0/16"
  tags = v910.tags
}
vpc v910 {
  cidr = "10.0.0.0/16"
  tags = v911.tags
}
vpc v911 {
  cidr = "10.0.0.0/16"
  tags = v912.tags
}
vpc v912 {
  cidr = "10.0.0.0/16"
  tags = v913.tags
}
vpc v913 {
  cidr = "10.0.0.0/16"
  tags = v914.tags
}
vpc v914 {
  cidr = "10.0.0.0/16"
  tags = v915.tags
}
vpc v915 {
  cidr = "10.0.0.0/16"
  tags = v916.tags
}
vpc v916 {
  cidr = "10.0.0.0/16"
  tags = v917.tags
}
vpc v917 {
  cidr = "10.0.0.0/16"
  tags = v918.tags
}
vpc v918 {
  cidr = "10.0.0.0/16"
  tags = v919.tags
}
vpc v919 {
  cidr = "10.0.0.0/16"
  tags = v920.tags
}
vpc v920 {
  cidr = "10.0.0.0/16"
  tags = v921.tags
}
vpc v921 {
  cidr = "10.0.0.0/16"
  tags = v922.tags
}
vpc v922 {
  cidr = "10.0.0.0/16"
  tags = v923.tags
}
vpc v923 {
  cidr = "10.0.0.0/16"
  tags = v924.tags
}
vpc v924 {
  cidr = "10.0.0.0/16"
  tags = v925.tags
}
vpc v925 {
  cidr = "10.0.0.0/16"
  tags = v926.tags
}
vpc v926 {
  cidr = "10.0.0.0/16"
  tags = v927.tags
}
vpc v927 {
  cidr = "10.0.0.0/16"
  tags = v928.tags
}
vpc v928 {
  cidr = "10.0.0.0/16"
  tags = v929.tags
}
vpc v929 {
  cidr = "10.0.0.0/16"
  tags = v930.tags
}
vpc v930 {
  cidr = "10.0.0.0/16"
  tags = v931.tags
}
vpc v931 {
  cidr = "10.0.0.0/16"
  tags = v932.tags
}
vpc v932 {
  cidr = "10.0.0.0/16"
  tags = v933.tags
}
vpc v933 {
  cidr = "10.0.0.0/16"
  tags = v934.tags
}
vpc v934 {
  cidr = "10.0.0.0/16"
  tags = v935.tags
}
vpc v935 {
  cidr = "10.0.0.0/16"
  tags = v936.tags
}
vpc v936 {
  cidr = "10.0.0.0/16"
  tags = v937.tags
}
vpc v937 {
  cidr = "10.0.0.0/16"
  tags = v938.tags
}
vpc v938 {
  cidr = "10.0.0.0/16"
  tags = v939.tags
}
vpc v939 {
  cidr = "10.0.0.0/16"
  tags = v940.tags
}
vpc v940 {
  cidr = "10.0.0.0/16"
  tags = v941.tags
}
vpc v941 {
  cidr = "10.0.0.0/16"
  tags = v942.tags
}
vpc v942 {
  cidr = "10.0.0.0/16"
  tags = v943.tags
}
vpc v943 {
  cidr = "10.0.0.0/16"
  tags = v944.tags
}
vpc v944 {
  cidr = "10.0.0.0/16"
  tags = v945.tags
}
vpc v945 {
  cidr = "10.0.0.0/16"
  tags = v946.tags
}
vpc v946 {
  cidr = "10.0.0.0/16"
  tags = v947.tags
}
vpc v947 {
  cidr = "10.0.0.0/16"
  tags = v948.tags
}
vpc v948 {
  cidr = "10.0.0.0/16"
  tags = v949.tags
}
vpc v949 {
  cidr = "10.0.0.0/16"
  tags = v950.tags
}
vpc v950 {
  cidr = "10.0.0.0/16"
  tags = v951.tags
}
vpc v951 {
  cidr = "10.0.0.0/16"
  tags = v952.tags
}
vpc v952 {
  cidr = "10.0.0.0/16"
  tags = v953.tags
}
vpc v953 {
  cidr = "10.0.0.0/16"
  tags = v954.tags
}
vpc v954 {
  cidr = "10.0.0.0/16"
  tags = v955.tags
}
vpc v955 {
  cidr = "10.0.0.0/16"
  tags = v956.tags
}
vpc v956 {
  cidr = "10.0.0.0/16"
  tags = v957.tags
}
vpc v957 {
  cidr = "10.0.0.0/16"
  tags = v958.tags
}
vpc v958 {
  cidr = "10.0.0.0/16"
  tags = v959.tags
}
vpc v959 {
  cidr = "10.0.0.0/16"
  tags = v960.tags
}
vpc v960 {
  cidr = "10.0.0.0/16"
  tags = v961.tags
}
vpc v961 {
  cidr = "10.0.0.0/16"
  tags = v962.tags
}
vpc v962 {
  cidr = "10.0.0.0/16"
  tags = v963.tags
}
vpc v963 {
  cidr = "10.0.0.0/16"
  tags = v964.tags
}
vpc v964 {
  cidr = "10.0.0.0/16"
  tags = v965.tags
}
vpc v965 {
  cidr = "10.0.0.0/16"
  tags = v966.tags
}
vpc v966 {
  cidr = "10.0.0.0/16"
  tags = v967.tags
}
vpc v967 {
  cidr = "10.0.0.0/16"
  tags = v968.tags
}
vpc v968 {
  cidr = "10.0.0.0/16"
  tags = v969.tags
}
vpc v969 {
  cidr = "10.0.0.0/16"
  tags = v970.tags
}
vpc v970 {
  cidr = "10.0.0.0/16"
  tags = v971.tags
}
vpc v971 {
  cidr = "10.0.0.0/16"
  tags = v972.tags
}
vpc v972 {
  cidr = "10.0.0.0/16"
  tags = v973.tags
}
vpc v973 {
  cidr = "10.0.0.0/16"
  tags = v974.tags
}
vpc v974 {
  cidr = "10.0.0.0/16"
  tags = v975.tags
}
vpc v975 {
  cidr = "10.0.0.0/16"
  tags = v976.tags
}
vpc v976 {
  cidr = "10.0.0.0/16"
  tags = v977.tags
}
vpc v977 {
  cidr = "10.0.0.0/16"
  tags = v978.tags
}
vpc v978 {
  cidr = "10.0.0.0/16"
  tags = v979.tags
}
vpc v979 {
  cidr = "10.0.0.0/16"
  tags = v980.tags
}
vpc v980 {
  cidr = "10.0.0.0/16"
  tags = v981.tags
}
vpc v981 {
  cidr = "10.0.0.0/16"
  tags = v982.tags
}
vpc v982 {
  cidr = "10.0.0.0/16"
  tags = v983.tags
}
vpc v983 {
  cidr = "10.0.0.0/16"
  tags = v984.tags
}
vpc v984 {
  cidr = "10.0.0.0/16"
  tags = v985.tags
}
vpc v985 {
  cidr = "10.0.0.0/16"
  tags = v986.tags
}
vpc v986 {
  cidr = "10.0.0.0/16"
  tags = v987.tags
}
vpc v987 {
  cidr = "10.0.0.0/16"
  tags = v988.tags
}
vpc v988 {
  cidr = "10.0.0.0/16"
  tags = v989.tags
}
vpc v989 {
  cidr = "10.0.0.0/16"
  tags = v990.tags
}
vpc v990 {
  cidr = "10.0.0.0/16"
  tags = v991.tags
}
vpc v991 {
  cidr = "10.0.0.0/16"
  tags = v992.tags
}
vpc v992 {
  cidr = "10.0.0.0/16"
  tags = v993.tags
}
vpc v993 {
  cidr = "10.0.0.0/16"
  tags = v994.tags
}
vpc v994 {
  cidr = "10.0.0.0/16"
  tags = v995.tags
}
vpc v995 {
  cidr = "10.0.0.0/16"
  tags = v996.tags
}
vpc v996 {
  cidr = "10.0.0.0/16"
  tags = v997.tags
}
vpc v997 {
  cidr = "10.0.0.0/16"
  tags = v998.tags
}
vpc v998 {
  cidr = "10.0.0.0/16"
  tags = v999.tags
}
vpc v999 {
  cidr = "10.0.0.0/16"
  tags = v1000.tags
}
vpc v1000 {
  cidr = "10.0.0.0/16"
  tags = v1001.tags
}
vpc v1001 {
  cidr = "10.0.0.0/16"
  tags = v1002.tags
}
vpc v1002 {
  cidr = "10.0.0.0/16"
  tags = v1003.tags
}
vpc v1003 {
  cidr = "10.0.0.0/16"
  tags = v1004.tags
}
vpc v1004 {
  cidr = "10.0.0.0/16"
  tags = v1005.tags
}
vpc v1005 {
  cidr = "10.0.0.0/16"
  tags = v1006.tags
}
vpc v1006 {
  cidr = "10.0.0.0/16"
  tags = v1007.tags
}
vpc v1007 {
  cidr = "10.0.0.0/16"
  tags = v1008.tags
}
vpc v1008 {
  cidr = "10.0.0.0/16"
  tags = v1009.tags
}
vpc v1009 {
  cidr = "10.0.0.0/16"
  tags = v1010.tags
}
vpc v1010 {
  cidr = "10.0.0.0/16"
  tags = v1011.tags
}
vpc v1011 {
  cidr = "10.0.0.0/16"
  tags = v1012.tags
}
vpc v1012 {
  cidr = "10.0.0.0/16"
  tags = v1013.tags
}
vpc v1013 {
  cidr = "10.0.0.0/16"
  tags = v1014.tags
}
vpc v1014 {
  cidr = "10.0.0.0/16"
  tags = v1015.tags
}
vpc v1015 {
  cidr = "10.0.0.0/16"
  tags = v1016.tags
}
vpc v1016 {
  cidr = "10.0.0.0/16"
  tags = v1017.tags
}
vpc v1017 {
  cidr = "10.0.0.0/16"
  tags = v1018.tags
}
vpc v1018 {
  cidr = "10.0.0.0/16"
  tags = v1019.tags
}
vpc v1019 {
  cidr = "10.0.0.0/16"
  tags = v1020.tags
}
vpc v1020 {
  cidr = "10.0.0.0/16"
  tags = v1021.tags
}
vpc v1021 {
  cidr = "10.0.0.0/16"
  tags = v1022.tags
}
vpc v1022 {
  cidr = "10.0.0.0/16"
  tags = v1023.tags
}
vpc v1023 {
  cidr = "10.0.0.0/16"
  tags = v1024.tags
}
vpc v1024 {
  cidr = "10.0.0.0/16"
  tags = v1025.tags
}
vpc v1025 {
  cidr = "10.0.0.0/16"
  tags = v1026.tags
}
vpc v1026 {
  cidr = "10.0.0.0/16"
  tags = v1027.tags
}
vpc v1027 {
  cidr = "10.0.0.0/16"
  tags = v1028.tags
}
vpc v1028 {
  cidr = "10.0.0.0/16"
  tags = v1029.tags
}
vpc v1029 {
  cidr = "10.0.0.0/16"
  tags = v1030.tags
}
vpc v1030 {
  cidr = "10.0.0.0/16"
  tags = v1031.tags
}
vpc v1031 {
  cidr = "10.0.0.0/16"
  tags = v1032.tags
}
vpc v1032 {
  cidr = "10.0.0.0/16"
  tags = v1033.tags
}
vpc v1033 {
  cidr = "10.0.0.0/16"
  tags = v1034.tags
}
vpc v1034 {
  cidr = "10.0.0.0/16"
  tags = v1035.tags
}
vpc v1035 {
  cidr = "10.0.0.0/16"
  tags = v1036.tags
}
vpc v1036 {
  cidr = "10.0.0.0/16"
  tags = v1037.tags
}
vpc v1037 {
  cidr = "10.0.0.0/16"
  tags = v1038.tags
}
vpc v1038 {
  cidr = "10.0.0.0/16"
  tags = v1039.tags
}
vpc v1039 {
  cidr = "10.0.0.0/16"
  tags = v1040.tags
}
vpc v1040 {
  cidr = "10.0.0.0/16"
  tags = v1041.tags
}
vpc v1041 {
  cidr = "10.0.0.0/16"
  tags = v1042.tags
}
vpc v1042 {
  cidr = "10.0.0.0/16"
  tags = v1043.tags
}
vpc v1043 {
  cidr = "10.0.0.0/16"
  tags = v1044.tags
}
vpc v1044 {
  cidr = "10.0.0.0/16"
  tags = v1045.tags
}
vpc v1045 {
  cidr = "10.0.0.0/16"
  tags = v1046.tags
}
vpc v1046 {
  cidr = "10.0.0.0/16"
  tags = v1047.tags
}
vpc v1047 {
  cidr = "10.0.0.0/16"
  tags = v1048.tags
}
vpc v1048 {
  cidr = "10.0.0.0/16"
  tags = v1049.tags
}
vpc v1049 {
  cidr = "10.0.0.0/16"
  tags = v1050.tags
}
vpc v1050 {
  cidr = "10.0.0.0/16"
  tags = v1051.tags
}
vpc v1051 {
  cidr = "10.0.0.0/16"
  tags = v1052.tags
}
vpc v1052 {
  cidr = "10.0.0.0/16"
  tags = v1053.tags
}
vpc v1053 {
  cidr = "10.0.0.0/16"
  tags = v1054.tags
}
vpc v1054 {
  cidr = "10.0.0.0/16"
  tags = v1055.tags
}
vpc v1055 {
  cidr = "10.0.0.0/16"
  tags = v1056.tags
}
vpc v1056 {
  cidr = "10.0.0.0/16"
  tags = v1057.tags
}
vpc v1057 {
  cidr = "10.0.0.0/16"
  tags = v1058.tags
}
vpc v1058 {
  cidr = "10.0.0.0/16"
  tags = v1059.tags
}
vpc v1059 {
  cidr = "10.0.0.0/16"
  tags = v1060.tags
}
vpc v1060 {
  cidr = "10.0.0.0/16"
  tags = v1061.tags
}
vpc v1061 {
  cidr = "10.0.0.0/16"
  tags = v1062.tags
}
vpc v1062 {
  cidr = "10.0.0.0/16"
  tags = v1063.tags
}
vpc v1063 {
  cidr = "10.0.0.0/16"
  tags = v1064.tags
}
vpc v1064 {
  cidr = "10.0.0.0/16"
  tags = v1065.tags
}
vpc v1065 {
  cidr = "10.0.0.0/16"
  tags = v1066.tags
}
vpc v1066 {
  cidr = "10.0.0.0/16"
  tags = v1067.tags
}
vpc v1067 {
  cidr = "10.0.0.0/16"
  tags = v1068.tags
}
vpc v1068 {
  cidr = "10.0.0.0/16"
  tags = v1069.tags
}
vpc v1069 {
  cidr = "10.0.0.0/16"
  tags = v1070.tags
}
vpc v1070 {
  cidr = "10.0.0.0/16"
  tags = v1071.tags
}
vpc v1071 {
  cidr = "10.0.0.0/16"
  tags = v1072.tags
}
vpc v1072 {
  cidr = "10.0.0.0/16"
  tags = v1073.tags
}
vpc v1073 {
  cidr = "10.0.0.0/16"
  tags = v1074.tags
}
vpc v1074 {
  cidr = "10.0.0.0/16"
  tags = v1075.tags
}
vpc v1075 {
  cidr = "10.0.0.0/16"
  tags = v1076.tags
}
vpc v1076 {
  cidr = "10.0.0.0/16"
  tags = v1077.tags
}
vpc v1077 {
  cidr = "10.0.0.0/16"
  tags = v1078.tags
}
vpc v1078 {
  cidr = "10.0.0.0/16"
  tags = v1079.tags
}
vpc v1079 {
  cidr = "10.0.0.0/16"
  tags = v1080.tags
}
vpc v1080 {
  cidr = "10.0.0.0/16"
  tags = v1081.tags
}
vpc v1081 {
  cidr = "10.0.0.0/16"
  tags = v1082.tags
}
vpc v1082 {
  cidr = "10.0.0.0/16"
  tags = v1083.tags
}
vpc v1083 {
  cidr = "10.0.0.0/16"
  tags = v1084.tags
}
vpc v1084 {
  cidr = "10.0.0.0/16"
  tags = v1085.tags
}
vpc v1085 {
  cidr = "10.0.0.0/16"
  tags = v1086.tags
}
vpc v1086 {
  cidr = "10.0.0.0/16"
  tags = v1087.tags
}
vpc v1087 {
  cidr = "10.0.0.0/16"
  tags = v1088.tags
}
vpc v1088 {
  cidr = "10.0.0.0/16"
  tags = v1089.tags
}
vpc v1089 {
  cidr = "10.0.0.0/16"
  tags = v1090.tags
}
vpc v1090 {
  cidr = "10.0.0.0/16"
  tags = v1091.tags
}
vpc v1091 {
  cidr = "10.0.0.0/16"
  tags = v1092.tags
}
vpc v1092 {
  cidr = "10.0.0.0/16"
  tags = v1093.tags
}
vpc v1093 {
  cidr = "10.0.0.0/16"
  tags = v1094.tags
}
vpc v1094 {
  cidr = "10.0.0.0/16"
  tags = v1095.tags
}
vpc v1095 {
  cidr = "10.0.0.0/16"
  tags = v1096.tags
}
vpc v1096 {
  cidr = "10.0.0.0/16"
  tags = v1097.tags
}
vpc v1097 {
  cidr = "10.0.0.0/16"
  tags = v1098.tags
}
vpc v1098 {
  cidr = "10.0.0.0/16"
  tags = v1099.tags
}
vpc v1099 {
  cidr = "10.0.0.0/16"
  tags = v1100.tags
}
vpc v1100 {
  cidr = "10.0.0.0/16"
  tags = v1101.tags
}
vpc v1101 {
  cidr = "10.0.0.0/16"
  tags = v1102.tags
}
vpc v1102 {
  cidr = "10.0.0.0/16"
  tags = v1103.tags
}
vpc v1103 {
  cidr = "10.0.0.0/16"
  tags = v1104.tags
}
vpc v1104 {
  cidr = "10.0.0.0/16"
  tags = v1105.tags
}
vpc v1105 {
  cidr = "10.0.0.0/16"
  tags = v1106.tags
}
vpc v1106 {
  cidr = "10.0.0.0/16"
  tags = v1107.tags
}
vpc v1107 {
  cidr = "10.0.0.0/16"
  tags = v1108.tags
}
vpc v1108 {
  cidr = "10.0.0.0/16"
  tags = v1109.tags
}
vpc v1109 {
  cidr = "10.0.0.0/16"
  tags = v1110.tags
}
vpc v1110 {
  cidr = "10.0.0.0/16"
  tags = v1111.tags
}
vpc v1111 {
  cidr = "10.0.0.0/16"
  tags = v1112.tags
}
vpc v1112 {
  cidr = "10.0.0.0/16"
  tags = v1113.tags
}
vpc v1113 {
  cidr = "10.0.0.0/16"
  tags = v1114.tags
}
vpc v1114 {
  cidr = "10.0.0.0/16"
  tags = v1115.tags
}
vpc v1115 {
  cidr = "10.0.0.0/16"
  tags = v1116.tags
}
vpc v1116 {
  cidr = "10.0.0.0/16"
  tags = v1117.tags
}
vpc v1117 {
  cidr = "10.0.0.0/16"
  tags = v1118.tags
}
vpc v1118 {
  cidr = "10.0.0.0/16"
  tags = v1119.tags
}
vpc v1119 {
  cidr = "10.0.0.0/16"
  tags = v1120.tags
}
vpc v1120 {
  cidr = "10.0.0.0/16"
  tags = v1121.tags
}
vpc v1121 {
  cidr = "10.0.0.0/16"
  tags = v1122.tags
}
vpc v1122 {
  cidr = "10.0.0.0/16"
  tags = v1123.tags
}
vpc v1123 {
  cidr = "10.0.0.0/16"
  tags = v1124.tags
}
vpc v1124 {
  cidr = "10.0.0.0/16"
  tags = v1125.tags
}
vpc v1125 {
  cidr = "10.0.0.0/16"
  tags = v1126.tags
}
vpc v1126 {
  cidr = "10.0.0.0/16"
  tags = v1127.tags
}
vpc v1127 {
  cidr = "10.0.0.0/16"
  tags = v1128.tags
}
vpc v1128 {
  cidr = "10.0.0.0/16"
  tags = v1129.tags
}
vpc v1129 {
  cidr = "10.0.0.0/16"
  tags = v1130.tags
}
vpc v1130 {
  cidr = "10.0.0.0/16"
  tags = v1131.tags
}
vpc v1131 {
  cidr = "10.0.0.0/16"
  tags = v1132.tags
}
vpc v1132 {
  cidr = "10.0.0.0/16"
  tags = v1133.tags
}
vpc v1133 {
  cidr = "10.0.0.0/16"
  tags = v1134.tags
}
vpc v1134 {
  cidr = "10.0.0.0/16"
  tags = v1135.tags
}
vpc v1135 {
  cidr = "10.0.0.0/16"
  tags = v1136.tags
}
vpc v1136 {
  cidr = "10.0.0.0/16"
  tags = v1137.tags
}
vpc v1137 {
  cidr = "10.0.0.0/16"
  tags = v1138.tags
}
vpc v1138 {
  cidr = "10.0.0.0/16"
  tags = v1139.tags
}
vpc v1139 {
  cidr = "10.0.0.0/16"
  tags = v1140.tags
}
vpc v1140 {
  cidr = "10.0.0.0/16"
  tags = v1141.tags
}
vpc v1141 {
  cidr = "10.0.0.0/16"
  tags = v1142.tags
}
vpc v1142 {
  cidr = "10.0.0.0/16"
  tags = v1143.tags
}
vpc v1143 {
  cidr = "10.0.0.0/16"
  tags = v1144.tags
}
vpc v1144 {
  cidr = "10.0.0.0/16"
  tags = v1145.tags
}
vpc v1145 {
  cidr = "10.0.0.0/16"
  tags = v1146.tags
}
vpc v1146 {
  cidr = "10.0.0.0/16"
  tags = v1147.tags
}
vpc v1147 {
  cidr = "10.0.0.0/16"
  tags = v1148.tags
}
vpc v1148 {
  cidr = "10.0.0.0/16"
  tags = v1149.tags
}
vpc v1149 {
  cidr = "10.0.0.0/16"
  tags = v1150.tags
}
vpc v1150 {
  cidr = "10.0.0.0/16"
  tags = v1151.tags
}
vpc v1151 {
  cidr = "10.0.0.0/16"
  tags = v1152.tags
}
vpc v1152 {
  cidr = "10.0.0.0/16"
  tags = v1153.tags
}
vpc v1153 {
  cidr = "10.0.0.0/16"
  tags = v1154.tags
}
vpc v1154 {
  cidr = "10.0.0.0/16"
  tags = v1155.tags
}
vpc v1155 {
  cidr = "10.0.0.0/16"
  tags = v1156.tags
}
vpc v1156 {
  cidr = "10.0.0.0/16"
  tags = v1157.tags
}
vpc v1157 {
  cidr = "10.0.0.0/16"
  tags = v1158.tags
}
vpc v1158 {
  cidr = "10.0.0.0/16"
  tags = v1159.tags
}
vpc v1159 {
  cidr = "10.0.0.0/16"
  tags = v1160.tags
}
vpc v1160 {
  cidr = "10.0.0.0/16"
  tags = v1161.tags
}
vpc v1161 {
  cidr = "10.0.0.0/16"
  tags = v1162.tags
}
vpc v1162 {
  cidr = "10.0.0.0/16"
  tags = v1163.tags
}
vpc v1163 {
  cidr = "10.0.0.0/16"
  tags = v1164.tags
}
vpc v1164 {
  cidr = "10.0.0.0/16"
  tags = v1165.tags
}
vpc v1165 {
  cidr = "10.0.0.0/16"
  tags = v1166.tags
}
vpc v1166 {
  cidr = "10.0.0.0/16"
  tags = v1167.tags
}
vpc v1167 {
  cidr = "10.0.0.0/16"
  tags = v1168.tags
}
vpc v1168 {
  cidr = "10.0.0.0/16"
  tags = v1169.tags
}
vpc v1169 {
  cidr = "10.0.0.0/16"
  tags = v1170.tags
}
vpc v1170 {
  cidr = "10.0.0.0/16"
  tags = v1171.tags
}
vpc v1171 {
  cidr = "10.0.0.0/16"
  tags = v1172.tags
}
vpc v1172 {
  cidr = "10.0.0.0/16"
  tags = v1173.tags
}
vpc v1173 {
  cidr = "10.0.0.0/16"
  tags = v1174.tags
}
vpc v1174 {
  cidr = "10.0.0.0/16"
  tags = v1175.tags
}
vpc v1175 {
  cidr = "10.0.0.0/16"
  tags = v1176.tags
}
vpc v1176 {
  cidr = "10.0.0.0/16"
  tags = v1177.tags
}
vpc v1177 {
  cidr = "10.0.0.0/16"
  tags = v1178.tags
}
vpc v1178 {
  cidr = "10.0.0.0/16"
  tags = v1179.tags
}
vpc v1179 {
  cidr = "10.0.0.0/16"
  tags = v1180.tags
}
vpc v1180 {
  cidr = "10.0.0.0/16"
  tags = v1181.tags
}
vpc v1181 {
  cidr = "10.0.0.0/16"
  tags = v1182.tags
}
vpc v1182 {
  cidr = "10.0.0.0/16"
  tags = v1183.tags
}
vpc v1183 {
  cidr = "10.0.0.0/16"
  tags = v1184.tags
}
vpc v1184 {
  cidr = "10.0.0.0/16"
  tags = v1185.tags
}
vpc v1185 {
  cidr = "10.0.0.0/16"
  tags = v1186.tags
}
vpc v1186 {
  cidr = "10.0.0.0/16"
  tags = v1187.tags
}
vpc v1187 {
  cidr = "10.0.0.0/16"
  tags = v1188.tags
}
vpc v1188 {
  cidr = "10.0.0.0/16"
  tags = v1189.tags
}
vpc v1189 {
  cidr = "10.0.0.0/16"
  tags = v1190.tags
}
vpc v1190 {
  cidr = "10.0.0.0/16"
  tags = v1191.tags
}
vpc v1191 {
  cidr = "10.0.0.0/16"
  tags = v1192.tags
}
vpc v1192 {
  cidr = "10.0.0.0/16"
  tags = v1193.tags
}
vpc v1193 {
  cidr = "10.0.0.0/16"
  tags = v1194.tags
}
vpc v1194 {
  cidr = "10.0.0.0/16"
  tags = v1195.tags
}
vpc v1195 {
  cidr = "10.0.0.0/16"
  tags = v1196.tags
}
vpc v1196 {
  cidr = "10.0.0.0/16"
  tags = v1197.tags
}
vpc v1197 {
  cidr = "10.0.0.0/16"
  tags = v1198.tags
}
vpc v1198 {
  cidr = "10.0.0.0/16"
  tags = v1199.tags
}
vpc v1199 {
  cidr = "10.0.0.0/16"
  tags = v1200.tags
}
vpc v1200 {
  cidr = "10.0.0.0/16"
  tags = { team = "web" }
}

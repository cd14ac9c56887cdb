//
//  Legacy.swift
//  CSV
//
//  Created by Yasuhiro Hatta on 2016/06/11.
//  Copyright © 2016 yaslab. All rights reserved.
//

@available(*, deprecated, renamed: "CSVReader")
public typealias CSV = CSVReader

extension CSVReader: Sequence { }

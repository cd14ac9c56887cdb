//
//  Endian.swift
//  CSV
//
//  Created by Yasuhiro Hatta on 2016/06/21.
//  Copyright © 2016 yaslab. All rights reserved.
//

/// Represents byte order.
public enum Endian {

    /// Big endian.
    case big
    /// Little endian.
    case little
    /// Multibyte character sets.
    case unknown

}

import TeilhabeModel

/// `Tag` is the content model's calendar day here, not Yams's YAML tag.
typealias CalendarDay = TeilhabeModel.CalendarDay

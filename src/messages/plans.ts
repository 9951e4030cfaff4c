// Vietnamese messages for plan files (parsing, validation, cross-reference checks).

const yamlSyntax: Record<string, string> = {
  DUPLICATE_KEY: 'khóa bị lặp trong cùng một mục',
  BAD_INDENT: 'thụt lề không đúng',
  TAB_AS_INDENT: 'không dùng phím Tab để thụt lề, hãy dùng dấu cách',
  MISSING_CHAR: 'thiếu ký tự (dấu "-", dấu ":", dấu ngoặc hoặc dấu nháy), thường do thụt lề sai',
  BAD_DQ_ESCAPE: 'ký tự thoát trong chuỗi nháy kép không hợp lệ',
  MULTILINE_IMPLICIT_KEY: 'khóa không được viết trên nhiều dòng (có thể thiếu dấu ":" hoặc thụt lề sai)',
  BLOCK_AS_IMPLICIT_KEY: 'khối không được dùng làm khóa (có thể thiếu dấu ":" hoặc thụt lề sai)',
  MULTIPLE_DOCS: 'tệp chỉ được chứa một tài liệu YAML (bỏ dòng "---" thừa)',
  UNEXPECTED_TOKEN: 'ký tự không mong đợi',
  BAD_ALIAS: 'tham chiếu (alias) không hợp lệ',
};

const typeNames: Record<string, string> = {
  string: 'chuỗi văn bản',
  number: 'số',
  int: 'số nguyên',
  boolean: 'true hoặc false',
  array: 'danh sách',
  object: 'một mục gồm các trường (khóa: giá trị)',
  null: 'giá trị rỗng',
};

export const planText = {
  notYamlFile: (fileName: string) => `tệp "${fileName}" không phải tệp YAML (cần đuôi .yaml hoặc .yml)`,
  yamlSyntax: (code: string) => `lỗi cú pháp YAML: ${yamlSyntax[code] ?? 'không đọc được nội dung'}`,

  missing: 'thiếu trường bắt buộc',
  typeName: (type: string) => typeNames[type] ?? type,
  wrongType: (expected: string, received: string) => `phải là ${expected}, không phải ${received}`,
  quoteHint: ' (hãy đặt trong dấu nháy kép, ví dụ "3")',
  oneOf: (values: string[]) => `phải là một trong: ${values.join(', ')}`,
  eitherOf: (options: string[]) => `phải là ${options.join(' hoặc ')}`,
  emptyText: 'không được để trống',
  minLength: (n: number) => `phải có ít nhất ${n} ký tự`,
  maxLength: (n: number) => `không được quá ${n} ký tự`,
  minItems: (n: number) => `phải có ít nhất ${n} mục`,
  maxItems: (n: number) => `không được quá ${n} mục`,
  minNumber: (n: number) => `không được nhỏ hơn ${n}`,
  maxNumber: (n: number) => `không được lớn hơn ${n}`,
  badFormat: 'không đúng định dạng',
  unknownField: 'trường không được hỗ trợ (kiểm tra chính tả tên trường)',
  invalidValue: 'giá trị không hợp lệ',
  withValue: (message: string, value: string) => `${message} (đang là ${value})`,
  emptyValue: 'rỗng',
  invalidDate: 'ngày không tồn tại',

  duplicateId: (id: string, firstPath: string) => `mã "${id}" bị trùng (đã dùng ở ${firstPath})`,
  duplicateName: (name: string, otherAgency: string) =>
    `tên gọi "${name}" trùng với cơ quan "${otherAgency}", bot sẽ không biết chọn cơ quan nào`,
  unknownDocument: (id: string) => `văn bản "${id}" không có trong danh sách documents`,
  unknownAgency: (id: string) => `cơ quan "${id}" không có trong danh sách agencies`,
  unknownTemplate: (id: string) => `mẫu báo cáo "${id}" không có trong danh sách templates`,
  unknownActivityType: (id: string) =>
    `loại hoạt động "${id}" không có trong danh mục activity-types.yaml hay activityTypes của kế hoạch`,
  selfSuccessor: 'cơ quan không thể là cơ quan kế thừa của chính nó',
  selfParent: 'mạng lưới không thể là mạng lưới cấp trên của chính nó',
  choiceNeedsOptions: 'câu hỏi loại choice cần ít nhất 2 lựa chọn trong options',
  optionsOnlyForChoice: 'chỉ câu hỏi loại choice mới có options',
  prefillOnlyForNumber: 'chỉ câu hỏi loại number mới có prefill',
  prefillOfNeedsPrefill: 'prefillOf cần đi kèm prefill (danh sách loại hoạt động)',
  keywordNotNormalized: (keyword: string, normalized: string) =>
    `từ khóa "${keyword}" phải viết thường, không dấu (ví dụ "${normalized}")`,
  deadlineNeeds: (frequency: string, fields: string) => `hạn báo cáo ${frequency} cần có ${fields}`,
  dayNotInMonth: (day: number, month: number) => `ngày ${day}/${month} không tồn tại`,

  catalogInvalid: (lines: string[]) => `Danh mục loại hoạt động không hợp lệ:\n${lines.join('\n')}`,
};

export const frequencyNames: Record<string, string> = {
  monthly: 'hằng tháng',
  quarterly: 'hằng quý',
  'half-year': '6 tháng',
  yearly: 'hằng năm',
  once: 'một lần',
};

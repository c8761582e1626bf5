# frozen_string_literal: true

module Embott
  # A file to upload: its bytes, and the name and type sent with them.
  class FilePart
    # @return [String] the bytes
    attr_reader :bytes
    # @return [String, nil]
    attr_reader :filename
    # @return [String, nil]
    attr_reader :content_type

    # @param content [String, #read] the bytes, or an IO to read them from
    # @param filename [String, nil] default: the IO's file name, else the field name
    # @param content_type [String, nil] default: the spec's part type, else application/octet-stream
    def initialize(content, filename: nil, content_type: nil)
      @bytes = content.respond_to?(:read) ? content.read.b : content.to_s.b
      @filename = filename || (File.basename(content.path) if content.respond_to?(:path) && content.path)
      @content_type = content_type
    end

    # @return [String]
    def inspect
      "#<#{self.class.name} filename=#{@filename.inspect} bytes=#{@bytes.bytesize}>"
    end
  end
end

package com.msaair.contracts.grpc;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a new version of a .proto does to clients and servers built from the old one, compared on the
 * compiled descriptors (protoc's FileDescriptorSet), so the comparison is of what goes on the wire,
 * not of how the file is written. Breaking: a message, enum, service or method gone; a field number
 * now naming another field or another type (retyped, singular and repeated swapped); a field removed
 * without reserving both its number and its name; a reservation lifted; an enum value's number reused
 * or removed unreserved; a method's request or response type or streaming changed. Added: anything the
 * baseline lacks — compatible, but to be recorded in the baseline, so it is protected from then on.
 */
public final class ProtoCompatibility {

    /** The breaking changes and the additions, each one line naming the element. */
    public record Report(List<String> breaking, List<String> added) {
        public boolean compatible() {
            return breaking.isEmpty();
        }
    }

    private final List<String> breaking = new ArrayList<>();
    private final List<String> added = new ArrayList<>();

    private ProtoCompatibility() {}

    public static Report compare(FileDescriptorSet baseline, FileDescriptorSet current) {
        ProtoCompatibility check = new ProtoCompatibility();
        check.compareFiles(baseline, current);
        return new Report(List.copyOf(check.breaking), List.copyOf(check.added));
    }

    private void compareFiles(FileDescriptorSet baseline, FileDescriptorSet current) {
        Map<String, DescriptorProto> oldMessages = new LinkedHashMap<>();
        Map<String, DescriptorProto> newMessages = new LinkedHashMap<>();
        Map<String, EnumDescriptorProto> oldEnums = new LinkedHashMap<>();
        Map<String, EnumDescriptorProto> newEnums = new LinkedHashMap<>();
        Map<String, ServiceDescriptorProto> oldServices = new LinkedHashMap<>();
        Map<String, ServiceDescriptorProto> newServices = new LinkedHashMap<>();
        index(baseline, oldMessages, oldEnums, oldServices);
        index(current, newMessages, newEnums, newServices);
        oldMessages.forEach((name, message) -> {
            DescriptorProto now = newMessages.get(name);
            if (now == null) {
                breaking.add("message " + name + " was removed");
            } else {
                compareMessage(name, message, now);
            }
        });
        newMessages.keySet().stream().filter(name -> !oldMessages.containsKey(name)).forEach(name -> added.add("message " + name));
        oldEnums.forEach((name, type) -> {
            EnumDescriptorProto now = newEnums.get(name);
            if (now == null) {
                breaking.add("enum " + name + " was removed");
            } else {
                compareEnum(name, type, now);
            }
        });
        newEnums.keySet().stream().filter(name -> !oldEnums.containsKey(name)).forEach(name -> added.add("enum " + name));
        oldServices.forEach((name, service) -> {
            ServiceDescriptorProto now = newServices.get(name);
            if (now == null) {
                breaking.add("service " + name + " was removed");
            } else {
                compareService(name, service, now);
            }
        });
        newServices.keySet().stream().filter(name -> !oldServices.containsKey(name)).forEach(name -> added.add("service " + name));
    }

    private void compareMessage(String name, DescriptorProto old, DescriptorProto now) {
        Map<Integer, FieldDescriptorProto> nowByNumber = new LinkedHashMap<>();
        now.getFieldList().forEach(f -> nowByNumber.put(f.getNumber(), f));
        for (FieldDescriptorProto field : old.getFieldList()) {
            String where = name + "." + field.getName() + " = " + field.getNumber();
            FieldDescriptorProto same = nowByNumber.get(field.getNumber());
            if (same == null) {
                if (!reservesNumber(now, field.getNumber()) || !now.getReservedNameList().contains(field.getName())) {
                    breaking.add("field " + where + " was removed without reserving its number and name");
                }
            } else if (!same.getName().equals(field.getName())) {
                breaking.add("field number " + field.getNumber() + " of " + name + " was " + field.getName() + ", now names " + same.getName());
            } else if (same.getType() != field.getType() || !Objects.equals(same.getTypeName(), field.getTypeName())) {
                breaking.add("field " + where + " was retyped: " + type(field) + " -> " + type(same));
            } else if ((same.getLabel() == FieldDescriptorProto.Label.LABEL_REPEATED) != (field.getLabel() == FieldDescriptorProto.Label.LABEL_REPEATED)) {
                breaking.add("field " + where + " changed between singular and repeated");
            }
        }
        old.getReservedRangeList().forEach(range -> {
            for (int number = range.getStart(); number < range.getEnd(); number++) {
                if (!reservesNumber(now, number)) {
                    breaking.add("reserved number " + number + " of " + name + " is no longer reserved");
                    return;
                }
            }
        });
        old.getReservedNameList().stream().filter(reserved -> !now.getReservedNameList().contains(reserved))
                .forEach(reserved -> breaking.add("reserved name " + reserved + " of " + name + " is no longer reserved"));
        now.getFieldList().stream().filter(f -> old.getFieldList().stream().noneMatch(o -> o.getNumber() == f.getNumber()))
                .forEach(f -> added.add("field " + name + "." + f.getName() + " = " + f.getNumber()));
    }

    private void compareEnum(String name, EnumDescriptorProto old, EnumDescriptorProto now) {
        Map<Integer, EnumValueDescriptorProto> nowByNumber = new LinkedHashMap<>();
        now.getValueList().forEach(v -> nowByNumber.putIfAbsent(v.getNumber(), v));
        for (EnumValueDescriptorProto value : old.getValueList()) {
            EnumValueDescriptorProto same = nowByNumber.get(value.getNumber());
            if (same == null) {
                boolean reserved = now.getReservedRangeList().stream().anyMatch(r -> r.getStart() <= value.getNumber() && value.getNumber() <= r.getEnd())
                        && now.getReservedNameList().contains(value.getName());
                if (!reserved) {
                    breaking.add("enum value " + name + "." + value.getName() + " = " + value.getNumber() + " was removed without reserving it");
                }
            } else if (!same.getName().equals(value.getName())) {
                breaking.add("enum number " + value.getNumber() + " of " + name + " was " + value.getName() + ", now names " + same.getName());
            }
        }
        now.getValueList().stream().filter(v -> old.getValueList().stream().noneMatch(o -> o.getNumber() == v.getNumber()))
                .forEach(v -> added.add("enum value " + name + "." + v.getName() + " = " + v.getNumber()));
    }

    private void compareService(String name, ServiceDescriptorProto old, ServiceDescriptorProto now) {
        Map<String, MethodDescriptorProto> nowByName = new LinkedHashMap<>();
        now.getMethodList().forEach(m -> nowByName.put(m.getName(), m));
        for (MethodDescriptorProto method : old.getMethodList()) {
            MethodDescriptorProto same = nowByName.get(method.getName());
            String where = name + "/" + method.getName();
            if (same == null) {
                breaking.add("method " + where + " was removed");
            } else if (!same.getInputType().equals(method.getInputType()) || !same.getOutputType().equals(method.getOutputType())) {
                breaking.add("method " + where + " changed its types: " + signature(method) + " -> " + signature(same));
            } else if (same.getClientStreaming() != method.getClientStreaming() || same.getServerStreaming() != method.getServerStreaming()) {
                breaking.add("method " + where + " changed its streaming: " + signature(method) + " -> " + signature(same));
            }
        }
        now.getMethodList().stream().filter(m -> !old.getMethodList().stream().anyMatch(o -> o.getName().equals(m.getName())))
                .forEach(m -> added.add("method " + name + "/" + m.getName()));
    }

    private static boolean reservesNumber(DescriptorProto message, int number) {
        // A message's reserved range ends exclusive (an enum's inclusive).
        return message.getReservedRangeList().stream().anyMatch(r -> r.getStart() <= number && number < r.getEnd());
    }

    private static String type(FieldDescriptorProto field) {
        return field.getTypeName().isEmpty() ? field.getType().name() : field.getTypeName();
    }

    private static String signature(MethodDescriptorProto method) {
        return "(" + (method.getClientStreaming() ? "stream " : "") + method.getInputType() + ") returns ("
                + (method.getServerStreaming() ? "stream " : "") + method.getOutputType() + ")";
    }

    private static void index(FileDescriptorSet files, Map<String, DescriptorProto> messages, Map<String, EnumDescriptorProto> enums,
            Map<String, ServiceDescriptorProto> services) {
        for (FileDescriptorProto file : files.getFileList()) {
            String prefix = file.getPackage().isEmpty() ? "." : "." + file.getPackage() + ".";
            file.getMessageTypeList().forEach(m -> indexMessage(prefix + m.getName(), m, messages, enums));
            file.getEnumTypeList().forEach(e -> enums.put(prefix + e.getName(), e));
            file.getServiceList().forEach(s -> services.put(prefix + s.getName(), s));
        }
    }

    private static void indexMessage(String name, DescriptorProto message, Map<String, DescriptorProto> messages,
            Map<String, EnumDescriptorProto> enums) {
        messages.put(name, message);
        message.getNestedTypeList().forEach(nested -> indexMessage(name + "." + nested.getName(), nested, messages, enums));
        message.getEnumTypeList().forEach(e -> enums.put(name + "." + e.getName(), e));
    }
}

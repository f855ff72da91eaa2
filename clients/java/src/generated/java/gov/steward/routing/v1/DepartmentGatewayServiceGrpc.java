package gov.steward.routing.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * The department gateway (部门对接网关): department approval systems (部门审批系统) receive and
 * decide their items (审批事项) here. A department sees and acts on its own items in its own region
 * only: any other item, existing or not, is NOT_FOUND, with the same message.
 * Calls carry `authorization: Bearer &lt;token&gt;`, a token of the region with role "department" and
 * the department's code (see the README, "Integrating a department system"). Ids are UUIDs in
 * their canonical text form. Every mutation carries a `request_id` the caller chooses: 1 to 128
 * characters of A-Z a-z 0-9 and `_ . : -`, unique per department. A repeat of the same request
 * (same id, item and action) does nothing again and answers with the item as it is now; the same
 * id for another item or another action is ALREADY_EXISTS with reason REQUEST_ID_REUSED and
 * changes nothing. Deriving the id from the item and the action (`approve-&lt;item id&gt;`) makes a
 * client's retries and replays safe.
 * Refusals carry google.rpc.ErrorInfo (domain "steward.gov", reason one of
 * steward.errors.v1.ErrorReason without its prefix) and, for bad input, google.rpc.BadRequest
 * naming every offending field.
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class DepartmentGatewayServiceGrpc {

  private DepartmentGatewayServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "steward.routing.v1.DepartmentGatewayService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<gov.steward.routing.v1.ListAssignmentsRequest,
      gov.steward.routing.v1.ListAssignmentsResponse> getListAssignmentsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListAssignments",
      requestType = gov.steward.routing.v1.ListAssignmentsRequest.class,
      responseType = gov.steward.routing.v1.ListAssignmentsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.routing.v1.ListAssignmentsRequest,
      gov.steward.routing.v1.ListAssignmentsResponse> getListAssignmentsMethod() {
    io.grpc.MethodDescriptor<gov.steward.routing.v1.ListAssignmentsRequest, gov.steward.routing.v1.ListAssignmentsResponse> getListAssignmentsMethod;
    if ((getListAssignmentsMethod = DepartmentGatewayServiceGrpc.getListAssignmentsMethod) == null) {
      synchronized (DepartmentGatewayServiceGrpc.class) {
        if ((getListAssignmentsMethod = DepartmentGatewayServiceGrpc.getListAssignmentsMethod) == null) {
          DepartmentGatewayServiceGrpc.getListAssignmentsMethod = getListAssignmentsMethod =
              io.grpc.MethodDescriptor.<gov.steward.routing.v1.ListAssignmentsRequest, gov.steward.routing.v1.ListAssignmentsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListAssignments"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.ListAssignmentsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.ListAssignmentsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new DepartmentGatewayServiceMethodDescriptorSupplier("ListAssignments"))
              .build();
        }
      }
    }
    return getListAssignmentsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.routing.v1.WatchAssignmentsRequest,
      gov.steward.routing.v1.WatchAssignmentsResponse> getWatchAssignmentsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "WatchAssignments",
      requestType = gov.steward.routing.v1.WatchAssignmentsRequest.class,
      responseType = gov.steward.routing.v1.WatchAssignmentsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
  public static io.grpc.MethodDescriptor<gov.steward.routing.v1.WatchAssignmentsRequest,
      gov.steward.routing.v1.WatchAssignmentsResponse> getWatchAssignmentsMethod() {
    io.grpc.MethodDescriptor<gov.steward.routing.v1.WatchAssignmentsRequest, gov.steward.routing.v1.WatchAssignmentsResponse> getWatchAssignmentsMethod;
    if ((getWatchAssignmentsMethod = DepartmentGatewayServiceGrpc.getWatchAssignmentsMethod) == null) {
      synchronized (DepartmentGatewayServiceGrpc.class) {
        if ((getWatchAssignmentsMethod = DepartmentGatewayServiceGrpc.getWatchAssignmentsMethod) == null) {
          DepartmentGatewayServiceGrpc.getWatchAssignmentsMethod = getWatchAssignmentsMethod =
              io.grpc.MethodDescriptor.<gov.steward.routing.v1.WatchAssignmentsRequest, gov.steward.routing.v1.WatchAssignmentsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "WatchAssignments"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.WatchAssignmentsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.WatchAssignmentsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new DepartmentGatewayServiceMethodDescriptorSupplier("WatchAssignments"))
              .build();
        }
      }
    }
    return getWatchAssignmentsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.routing.v1.AcceptItemRequest,
      gov.steward.routing.v1.AcceptItemResponse> getAcceptItemMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "AcceptItem",
      requestType = gov.steward.routing.v1.AcceptItemRequest.class,
      responseType = gov.steward.routing.v1.AcceptItemResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.routing.v1.AcceptItemRequest,
      gov.steward.routing.v1.AcceptItemResponse> getAcceptItemMethod() {
    io.grpc.MethodDescriptor<gov.steward.routing.v1.AcceptItemRequest, gov.steward.routing.v1.AcceptItemResponse> getAcceptItemMethod;
    if ((getAcceptItemMethod = DepartmentGatewayServiceGrpc.getAcceptItemMethod) == null) {
      synchronized (DepartmentGatewayServiceGrpc.class) {
        if ((getAcceptItemMethod = DepartmentGatewayServiceGrpc.getAcceptItemMethod) == null) {
          DepartmentGatewayServiceGrpc.getAcceptItemMethod = getAcceptItemMethod =
              io.grpc.MethodDescriptor.<gov.steward.routing.v1.AcceptItemRequest, gov.steward.routing.v1.AcceptItemResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "AcceptItem"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.AcceptItemRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.AcceptItemResponse.getDefaultInstance()))
              .setSchemaDescriptor(new DepartmentGatewayServiceMethodDescriptorSupplier("AcceptItem"))
              .build();
        }
      }
    }
    return getAcceptItemMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.routing.v1.RequestSupplementRequest,
      gov.steward.routing.v1.RequestSupplementResponse> getRequestSupplementMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RequestSupplement",
      requestType = gov.steward.routing.v1.RequestSupplementRequest.class,
      responseType = gov.steward.routing.v1.RequestSupplementResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.routing.v1.RequestSupplementRequest,
      gov.steward.routing.v1.RequestSupplementResponse> getRequestSupplementMethod() {
    io.grpc.MethodDescriptor<gov.steward.routing.v1.RequestSupplementRequest, gov.steward.routing.v1.RequestSupplementResponse> getRequestSupplementMethod;
    if ((getRequestSupplementMethod = DepartmentGatewayServiceGrpc.getRequestSupplementMethod) == null) {
      synchronized (DepartmentGatewayServiceGrpc.class) {
        if ((getRequestSupplementMethod = DepartmentGatewayServiceGrpc.getRequestSupplementMethod) == null) {
          DepartmentGatewayServiceGrpc.getRequestSupplementMethod = getRequestSupplementMethod =
              io.grpc.MethodDescriptor.<gov.steward.routing.v1.RequestSupplementRequest, gov.steward.routing.v1.RequestSupplementResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RequestSupplement"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.RequestSupplementRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.RequestSupplementResponse.getDefaultInstance()))
              .setSchemaDescriptor(new DepartmentGatewayServiceMethodDescriptorSupplier("RequestSupplement"))
              .build();
        }
      }
    }
    return getRequestSupplementMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.routing.v1.RecordSupplementRequest,
      gov.steward.routing.v1.RecordSupplementResponse> getRecordSupplementMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RecordSupplement",
      requestType = gov.steward.routing.v1.RecordSupplementRequest.class,
      responseType = gov.steward.routing.v1.RecordSupplementResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.routing.v1.RecordSupplementRequest,
      gov.steward.routing.v1.RecordSupplementResponse> getRecordSupplementMethod() {
    io.grpc.MethodDescriptor<gov.steward.routing.v1.RecordSupplementRequest, gov.steward.routing.v1.RecordSupplementResponse> getRecordSupplementMethod;
    if ((getRecordSupplementMethod = DepartmentGatewayServiceGrpc.getRecordSupplementMethod) == null) {
      synchronized (DepartmentGatewayServiceGrpc.class) {
        if ((getRecordSupplementMethod = DepartmentGatewayServiceGrpc.getRecordSupplementMethod) == null) {
          DepartmentGatewayServiceGrpc.getRecordSupplementMethod = getRecordSupplementMethod =
              io.grpc.MethodDescriptor.<gov.steward.routing.v1.RecordSupplementRequest, gov.steward.routing.v1.RecordSupplementResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RecordSupplement"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.RecordSupplementRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.RecordSupplementResponse.getDefaultInstance()))
              .setSchemaDescriptor(new DepartmentGatewayServiceMethodDescriptorSupplier("RecordSupplement"))
              .build();
        }
      }
    }
    return getRecordSupplementMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.routing.v1.DecideItemRequest,
      gov.steward.routing.v1.DecideItemResponse> getDecideItemMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DecideItem",
      requestType = gov.steward.routing.v1.DecideItemRequest.class,
      responseType = gov.steward.routing.v1.DecideItemResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.routing.v1.DecideItemRequest,
      gov.steward.routing.v1.DecideItemResponse> getDecideItemMethod() {
    io.grpc.MethodDescriptor<gov.steward.routing.v1.DecideItemRequest, gov.steward.routing.v1.DecideItemResponse> getDecideItemMethod;
    if ((getDecideItemMethod = DepartmentGatewayServiceGrpc.getDecideItemMethod) == null) {
      synchronized (DepartmentGatewayServiceGrpc.class) {
        if ((getDecideItemMethod = DepartmentGatewayServiceGrpc.getDecideItemMethod) == null) {
          DepartmentGatewayServiceGrpc.getDecideItemMethod = getDecideItemMethod =
              io.grpc.MethodDescriptor.<gov.steward.routing.v1.DecideItemRequest, gov.steward.routing.v1.DecideItemResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DecideItem"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.DecideItemRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.DecideItemResponse.getDefaultInstance()))
              .setSchemaDescriptor(new DepartmentGatewayServiceMethodDescriptorSupplier("DecideItem"))
              .build();
        }
      }
    }
    return getDecideItemMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.routing.v1.AcceptItemsRequest,
      gov.steward.routing.v1.AcceptItemsResponse> getAcceptItemsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "AcceptItems",
      requestType = gov.steward.routing.v1.AcceptItemsRequest.class,
      responseType = gov.steward.routing.v1.AcceptItemsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.routing.v1.AcceptItemsRequest,
      gov.steward.routing.v1.AcceptItemsResponse> getAcceptItemsMethod() {
    io.grpc.MethodDescriptor<gov.steward.routing.v1.AcceptItemsRequest, gov.steward.routing.v1.AcceptItemsResponse> getAcceptItemsMethod;
    if ((getAcceptItemsMethod = DepartmentGatewayServiceGrpc.getAcceptItemsMethod) == null) {
      synchronized (DepartmentGatewayServiceGrpc.class) {
        if ((getAcceptItemsMethod = DepartmentGatewayServiceGrpc.getAcceptItemsMethod) == null) {
          DepartmentGatewayServiceGrpc.getAcceptItemsMethod = getAcceptItemsMethod =
              io.grpc.MethodDescriptor.<gov.steward.routing.v1.AcceptItemsRequest, gov.steward.routing.v1.AcceptItemsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "AcceptItems"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.AcceptItemsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.AcceptItemsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new DepartmentGatewayServiceMethodDescriptorSupplier("AcceptItems"))
              .build();
        }
      }
    }
    return getAcceptItemsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.routing.v1.DecideItemsRequest,
      gov.steward.routing.v1.DecideItemsResponse> getDecideItemsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DecideItems",
      requestType = gov.steward.routing.v1.DecideItemsRequest.class,
      responseType = gov.steward.routing.v1.DecideItemsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.routing.v1.DecideItemsRequest,
      gov.steward.routing.v1.DecideItemsResponse> getDecideItemsMethod() {
    io.grpc.MethodDescriptor<gov.steward.routing.v1.DecideItemsRequest, gov.steward.routing.v1.DecideItemsResponse> getDecideItemsMethod;
    if ((getDecideItemsMethod = DepartmentGatewayServiceGrpc.getDecideItemsMethod) == null) {
      synchronized (DepartmentGatewayServiceGrpc.class) {
        if ((getDecideItemsMethod = DepartmentGatewayServiceGrpc.getDecideItemsMethod) == null) {
          DepartmentGatewayServiceGrpc.getDecideItemsMethod = getDecideItemsMethod =
              io.grpc.MethodDescriptor.<gov.steward.routing.v1.DecideItemsRequest, gov.steward.routing.v1.DecideItemsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DecideItems"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.DecideItemsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.DecideItemsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new DepartmentGatewayServiceMethodDescriptorSupplier("DecideItems"))
              .build();
        }
      }
    }
    return getDecideItemsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.routing.v1.PauseClockRequest,
      gov.steward.routing.v1.PauseClockResponse> getPauseClockMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "PauseClock",
      requestType = gov.steward.routing.v1.PauseClockRequest.class,
      responseType = gov.steward.routing.v1.PauseClockResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.routing.v1.PauseClockRequest,
      gov.steward.routing.v1.PauseClockResponse> getPauseClockMethod() {
    io.grpc.MethodDescriptor<gov.steward.routing.v1.PauseClockRequest, gov.steward.routing.v1.PauseClockResponse> getPauseClockMethod;
    if ((getPauseClockMethod = DepartmentGatewayServiceGrpc.getPauseClockMethod) == null) {
      synchronized (DepartmentGatewayServiceGrpc.class) {
        if ((getPauseClockMethod = DepartmentGatewayServiceGrpc.getPauseClockMethod) == null) {
          DepartmentGatewayServiceGrpc.getPauseClockMethod = getPauseClockMethod =
              io.grpc.MethodDescriptor.<gov.steward.routing.v1.PauseClockRequest, gov.steward.routing.v1.PauseClockResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "PauseClock"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.PauseClockRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.PauseClockResponse.getDefaultInstance()))
              .setSchemaDescriptor(new DepartmentGatewayServiceMethodDescriptorSupplier("PauseClock"))
              .build();
        }
      }
    }
    return getPauseClockMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.routing.v1.ResumeClockRequest,
      gov.steward.routing.v1.ResumeClockResponse> getResumeClockMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ResumeClock",
      requestType = gov.steward.routing.v1.ResumeClockRequest.class,
      responseType = gov.steward.routing.v1.ResumeClockResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.routing.v1.ResumeClockRequest,
      gov.steward.routing.v1.ResumeClockResponse> getResumeClockMethod() {
    io.grpc.MethodDescriptor<gov.steward.routing.v1.ResumeClockRequest, gov.steward.routing.v1.ResumeClockResponse> getResumeClockMethod;
    if ((getResumeClockMethod = DepartmentGatewayServiceGrpc.getResumeClockMethod) == null) {
      synchronized (DepartmentGatewayServiceGrpc.class) {
        if ((getResumeClockMethod = DepartmentGatewayServiceGrpc.getResumeClockMethod) == null) {
          DepartmentGatewayServiceGrpc.getResumeClockMethod = getResumeClockMethod =
              io.grpc.MethodDescriptor.<gov.steward.routing.v1.ResumeClockRequest, gov.steward.routing.v1.ResumeClockResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ResumeClock"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.ResumeClockRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.ResumeClockResponse.getDefaultInstance()))
              .setSchemaDescriptor(new DepartmentGatewayServiceMethodDescriptorSupplier("ResumeClock"))
              .build();
        }
      }
    }
    return getResumeClockMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.routing.v1.RecordVerificationRequest,
      gov.steward.routing.v1.RecordVerificationResponse> getRecordVerificationMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RecordVerification",
      requestType = gov.steward.routing.v1.RecordVerificationRequest.class,
      responseType = gov.steward.routing.v1.RecordVerificationResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.routing.v1.RecordVerificationRequest,
      gov.steward.routing.v1.RecordVerificationResponse> getRecordVerificationMethod() {
    io.grpc.MethodDescriptor<gov.steward.routing.v1.RecordVerificationRequest, gov.steward.routing.v1.RecordVerificationResponse> getRecordVerificationMethod;
    if ((getRecordVerificationMethod = DepartmentGatewayServiceGrpc.getRecordVerificationMethod) == null) {
      synchronized (DepartmentGatewayServiceGrpc.class) {
        if ((getRecordVerificationMethod = DepartmentGatewayServiceGrpc.getRecordVerificationMethod) == null) {
          DepartmentGatewayServiceGrpc.getRecordVerificationMethod = getRecordVerificationMethod =
              io.grpc.MethodDescriptor.<gov.steward.routing.v1.RecordVerificationRequest, gov.steward.routing.v1.RecordVerificationResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RecordVerification"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.RecordVerificationRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.RecordVerificationResponse.getDefaultInstance()))
              .setSchemaDescriptor(new DepartmentGatewayServiceMethodDescriptorSupplier("RecordVerification"))
              .build();
        }
      }
    }
    return getRecordVerificationMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.routing.v1.RequestConsultationRequest,
      gov.steward.routing.v1.RequestConsultationResponse> getRequestConsultationMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RequestConsultation",
      requestType = gov.steward.routing.v1.RequestConsultationRequest.class,
      responseType = gov.steward.routing.v1.RequestConsultationResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.routing.v1.RequestConsultationRequest,
      gov.steward.routing.v1.RequestConsultationResponse> getRequestConsultationMethod() {
    io.grpc.MethodDescriptor<gov.steward.routing.v1.RequestConsultationRequest, gov.steward.routing.v1.RequestConsultationResponse> getRequestConsultationMethod;
    if ((getRequestConsultationMethod = DepartmentGatewayServiceGrpc.getRequestConsultationMethod) == null) {
      synchronized (DepartmentGatewayServiceGrpc.class) {
        if ((getRequestConsultationMethod = DepartmentGatewayServiceGrpc.getRequestConsultationMethod) == null) {
          DepartmentGatewayServiceGrpc.getRequestConsultationMethod = getRequestConsultationMethod =
              io.grpc.MethodDescriptor.<gov.steward.routing.v1.RequestConsultationRequest, gov.steward.routing.v1.RequestConsultationResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RequestConsultation"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.RequestConsultationRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.RequestConsultationResponse.getDefaultInstance()))
              .setSchemaDescriptor(new DepartmentGatewayServiceMethodDescriptorSupplier("RequestConsultation"))
              .build();
        }
      }
    }
    return getRequestConsultationMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.routing.v1.AnswerConsultationRequest,
      gov.steward.routing.v1.AnswerConsultationResponse> getAnswerConsultationMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "AnswerConsultation",
      requestType = gov.steward.routing.v1.AnswerConsultationRequest.class,
      responseType = gov.steward.routing.v1.AnswerConsultationResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.routing.v1.AnswerConsultationRequest,
      gov.steward.routing.v1.AnswerConsultationResponse> getAnswerConsultationMethod() {
    io.grpc.MethodDescriptor<gov.steward.routing.v1.AnswerConsultationRequest, gov.steward.routing.v1.AnswerConsultationResponse> getAnswerConsultationMethod;
    if ((getAnswerConsultationMethod = DepartmentGatewayServiceGrpc.getAnswerConsultationMethod) == null) {
      synchronized (DepartmentGatewayServiceGrpc.class) {
        if ((getAnswerConsultationMethod = DepartmentGatewayServiceGrpc.getAnswerConsultationMethod) == null) {
          DepartmentGatewayServiceGrpc.getAnswerConsultationMethod = getAnswerConsultationMethod =
              io.grpc.MethodDescriptor.<gov.steward.routing.v1.AnswerConsultationRequest, gov.steward.routing.v1.AnswerConsultationResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "AnswerConsultation"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.AnswerConsultationRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.AnswerConsultationResponse.getDefaultInstance()))
              .setSchemaDescriptor(new DepartmentGatewayServiceMethodDescriptorSupplier("AnswerConsultation"))
              .build();
        }
      }
    }
    return getAnswerConsultationMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static DepartmentGatewayServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<DepartmentGatewayServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<DepartmentGatewayServiceStub>() {
        @java.lang.Override
        public DepartmentGatewayServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new DepartmentGatewayServiceStub(channel, callOptions);
        }
      };
    return DepartmentGatewayServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static DepartmentGatewayServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<DepartmentGatewayServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<DepartmentGatewayServiceBlockingV2Stub>() {
        @java.lang.Override
        public DepartmentGatewayServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new DepartmentGatewayServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return DepartmentGatewayServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static DepartmentGatewayServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<DepartmentGatewayServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<DepartmentGatewayServiceBlockingStub>() {
        @java.lang.Override
        public DepartmentGatewayServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new DepartmentGatewayServiceBlockingStub(channel, callOptions);
        }
      };
    return DepartmentGatewayServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static DepartmentGatewayServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<DepartmentGatewayServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<DepartmentGatewayServiceFutureStub>() {
        @java.lang.Override
        public DepartmentGatewayServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new DepartmentGatewayServiceFutureStub(channel, callOptions);
        }
      };
    return DepartmentGatewayServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * The department gateway (部门对接网关): department approval systems (部门审批系统) receive and
   * decide their items (审批事项) here. A department sees and acts on its own items in its own region
   * only: any other item, existing or not, is NOT_FOUND, with the same message.
   * Calls carry `authorization: Bearer &lt;token&gt;`, a token of the region with role "department" and
   * the department's code (see the README, "Integrating a department system"). Ids are UUIDs in
   * their canonical text form. Every mutation carries a `request_id` the caller chooses: 1 to 128
   * characters of A-Z a-z 0-9 and `_ . : -`, unique per department. A repeat of the same request
   * (same id, item and action) does nothing again and answers with the item as it is now; the same
   * id for another item or another action is ALREADY_EXISTS with reason REQUEST_ID_REUSED and
   * changes nothing. Deriving the id from the item and the action (`approve-&lt;item id&gt;`) makes a
   * client's retries and replays safe.
   * Refusals carry google.rpc.ErrorInfo (domain "steward.gov", reason one of
   * steward.errors.v1.ErrorReason without its prefix) and, for bad input, google.rpc.BadRequest
   * naming every offending field.
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * Lists the calling department's items in the calling region (without planned items or items
     * forwarded to the city), oldest first, with the feed cursor of the list's snapshot: watch from
     * that cursor to receive exactly the changes after what the list shows, none twice.
     * </pre>
     */
    default void listAssignments(gov.steward.routing.v1.ListAssignmentsRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.ListAssignmentsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListAssignmentsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Streams the department's assignment feed (任务流): every change to one of its items, in the
     * order they committed, first everything after the cursor, then changes as they happen.
     * Reconnecting with the last cursor received misses nothing and repeats nothing.
     * One message per command (or scheduler step) that changed an item, carrying the item as that
     * command left it; intermediate states inside one command are not streamed. So:
     * - a plan or an approved prerequisite routes an item: ITEM_STATE_ROUTED;
     * - a normal or 容缺 (tolerant) acceptance streams ITEM_STATE_IN_REVIEW (never ACCEPTED; review
     *   starts with acceptance), a 告知承诺 (commitment) acceptance ITEM_STATE_APPROVED;
     * - a decision, a supplement (补正), a clock pause or resume, a verification: the item after it;
     * - the department's own lights (电子监察): a yellow light (黄灯) one working day before the
     *   committed deadline sets `item.clock.warned_at`, a red light (红灯) once the deadline has
     *   passed sets `item.clock.overdue_at`; the state does not change;
     * - the joint meeting (联席会议) reassigns an item to another department: the old department's
     *   stream gets one last message for it whose `item.department_code` is the NEW department
     *   (state ITEM_STATE_ROUTED); the item is gone for the old department from then on (NOT_FOUND),
     *   and the new department's stream gets the same change as a routed item;
     * - a plan revision that drops an item: ITEM_STATE_CANCELLED.
     * A message never carries another department's item except that last message of a reassignment.
     * </pre>
     */
    default void watchAssignments(gov.steward.routing.v1.WatchAssignmentsRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.WatchAssignmentsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getWatchAssignmentsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Accepts an item (受理) in one of the modes the catalogue allows for it.
     * </pre>
     */
    default void acceptItem(gov.steward.routing.v1.AcceptItemRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.AcceptItemResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getAcceptItemMethod(), responseObserver);
    }

    /**
     * <pre>
     * Asks the applicant for corrections (补正); the clock pauses until they are recorded.
     * 一次性告知: one round per receipt of materials, within the notice window after receipt; a
     * round after a resubmission concerns only the resubmitted materials and gives its reason.
     * </pre>
     */
    default void requestSupplement(gov.steward.routing.v1.RequestSupplementRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.RequestSupplementResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRequestSupplementMethod(), responseObserver);
    }

    /**
     * <pre>
     * Records materials the applicant supplied (补正 or 容缺 materials).
     * </pre>
     */
    default void recordSupplement(gov.steward.routing.v1.RecordSupplementRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.RecordSupplementResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRecordSupplementMethod(), responseObserver);
    }

    /**
     * <pre>
     * Decides an item in review (审查决定): approve (准予许可), reject (不予许可) with the reason, or
     * return it for correction (退回补正) with the reasons. Approving the last item of a stage
     * routes the items that waited on it; approving the last item completes the case.
     * </pre>
     */
    default void decideItem(gov.steward.routing.v1.DecideItemRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.DecideItemResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDecideItemMethod(), responseObserver);
    }

    /**
     * <pre>
     * AcceptItem for up to 100 items in one call, for department systems that settle many at once.
     * Each entry is a request of its own, exactly as AcceptItem takes it (its own request_id, the
     * same idempotency: an entry retried later, in a batch or as AcceptItem, is a repeat), and gets
     * a result of its own, in the order of the entries: OK with the item as it left it, or the
     * refusal AcceptItem would have answered (its code and message, google.rpc.ErrorInfo and
     * google.rpc.BadRequest in `status.details`). A refused entry changes nothing and does not stop
     * the others. The call itself fails only when the whole request is bad (no entries, more than
     * 100) or the service cannot answer (UNAVAILABLE: retry with the same request ids).
     * </pre>
     */
    default void acceptItems(gov.steward.routing.v1.AcceptItemsRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.AcceptItemsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getAcceptItemsMethod(), responseObserver);
    }

    /**
     * <pre>
     * DecideItem for up to 100 items in one call; entries and results as in AcceptItems.
     * </pre>
     */
    default void decideItems(gov.steward.routing.v1.DecideItemsRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.DecideItemsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDecideItemsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Pauses the clock for a period the law excludes (expert review, hearing...) and resumes it.
     * </pre>
     */
    default void pauseClock(gov.steward.routing.v1.PauseClockRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.PauseClockResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getPauseClockMethod(), responseObserver);
    }

    /**
     * <pre>
     * Resumes a clock paused for an excluded period; the deadlines move by the paused working days.
     * </pre>
     */
    default void resumeClock(gov.steward.routing.v1.ResumeClockRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.ResumeClockResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getResumeClockMethod(), responseObserver);
    }

    /**
     * <pre>
     * Records the post-approval verification (审后核查) of an item approved on commitment. A false
     * commitment revokes the approval and bars the enterprise from 告知承诺 and 容缺 for a period.
     * </pre>
     */
    default void recordVerification(gov.steward.routing.v1.RecordVerificationRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.RecordVerificationResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRecordVerificationMethod(), responseObserver);
    }

    /**
     * <pre>
     * Asks another department's opinion; no answer within the rule's days counts as consent.
     * </pre>
     */
    default void requestConsultation(gov.steward.routing.v1.RequestConsultationRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.RequestConsultationResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRequestConsultationMethod(), responseObserver);
    }

    /**
     * <pre>
     * The consulted department answers (征求意见答复): agree or not, with the reason.
     * </pre>
     */
    default void answerConsultation(gov.steward.routing.v1.AnswerConsultationRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.AnswerConsultationResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getAnswerConsultationMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service DepartmentGatewayService.
   * <pre>
   * The department gateway (部门对接网关): department approval systems (部门审批系统) receive and
   * decide their items (审批事项) here. A department sees and acts on its own items in its own region
   * only: any other item, existing or not, is NOT_FOUND, with the same message.
   * Calls carry `authorization: Bearer &lt;token&gt;`, a token of the region with role "department" and
   * the department's code (see the README, "Integrating a department system"). Ids are UUIDs in
   * their canonical text form. Every mutation carries a `request_id` the caller chooses: 1 to 128
   * characters of A-Z a-z 0-9 and `_ . : -`, unique per department. A repeat of the same request
   * (same id, item and action) does nothing again and answers with the item as it is now; the same
   * id for another item or another action is ALREADY_EXISTS with reason REQUEST_ID_REUSED and
   * changes nothing. Deriving the id from the item and the action (`approve-&lt;item id&gt;`) makes a
   * client's retries and replays safe.
   * Refusals carry google.rpc.ErrorInfo (domain "steward.gov", reason one of
   * steward.errors.v1.ErrorReason without its prefix) and, for bad input, google.rpc.BadRequest
   * naming every offending field.
   * </pre>
   */
  public static abstract class DepartmentGatewayServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return DepartmentGatewayServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service DepartmentGatewayService.
   * <pre>
   * The department gateway (部门对接网关): department approval systems (部门审批系统) receive and
   * decide their items (审批事项) here. A department sees and acts on its own items in its own region
   * only: any other item, existing or not, is NOT_FOUND, with the same message.
   * Calls carry `authorization: Bearer &lt;token&gt;`, a token of the region with role "department" and
   * the department's code (see the README, "Integrating a department system"). Ids are UUIDs in
   * their canonical text form. Every mutation carries a `request_id` the caller chooses: 1 to 128
   * characters of A-Z a-z 0-9 and `_ . : -`, unique per department. A repeat of the same request
   * (same id, item and action) does nothing again and answers with the item as it is now; the same
   * id for another item or another action is ALREADY_EXISTS with reason REQUEST_ID_REUSED and
   * changes nothing. Deriving the id from the item and the action (`approve-&lt;item id&gt;`) makes a
   * client's retries and replays safe.
   * Refusals carry google.rpc.ErrorInfo (domain "steward.gov", reason one of
   * steward.errors.v1.ErrorReason without its prefix) and, for bad input, google.rpc.BadRequest
   * naming every offending field.
   * </pre>
   */
  public static final class DepartmentGatewayServiceStub
      extends io.grpc.stub.AbstractAsyncStub<DepartmentGatewayServiceStub> {
    private DepartmentGatewayServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected DepartmentGatewayServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new DepartmentGatewayServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Lists the calling department's items in the calling region (without planned items or items
     * forwarded to the city), oldest first, with the feed cursor of the list's snapshot: watch from
     * that cursor to receive exactly the changes after what the list shows, none twice.
     * </pre>
     */
    public void listAssignments(gov.steward.routing.v1.ListAssignmentsRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.ListAssignmentsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListAssignmentsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Streams the department's assignment feed (任务流): every change to one of its items, in the
     * order they committed, first everything after the cursor, then changes as they happen.
     * Reconnecting with the last cursor received misses nothing and repeats nothing.
     * One message per command (or scheduler step) that changed an item, carrying the item as that
     * command left it; intermediate states inside one command are not streamed. So:
     * - a plan or an approved prerequisite routes an item: ITEM_STATE_ROUTED;
     * - a normal or 容缺 (tolerant) acceptance streams ITEM_STATE_IN_REVIEW (never ACCEPTED; review
     *   starts with acceptance), a 告知承诺 (commitment) acceptance ITEM_STATE_APPROVED;
     * - a decision, a supplement (补正), a clock pause or resume, a verification: the item after it;
     * - the department's own lights (电子监察): a yellow light (黄灯) one working day before the
     *   committed deadline sets `item.clock.warned_at`, a red light (红灯) once the deadline has
     *   passed sets `item.clock.overdue_at`; the state does not change;
     * - the joint meeting (联席会议) reassigns an item to another department: the old department's
     *   stream gets one last message for it whose `item.department_code` is the NEW department
     *   (state ITEM_STATE_ROUTED); the item is gone for the old department from then on (NOT_FOUND),
     *   and the new department's stream gets the same change as a routed item;
     * - a plan revision that drops an item: ITEM_STATE_CANCELLED.
     * A message never carries another department's item except that last message of a reassignment.
     * </pre>
     */
    public void watchAssignments(gov.steward.routing.v1.WatchAssignmentsRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.WatchAssignmentsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncServerStreamingCall(
          getChannel().newCall(getWatchAssignmentsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Accepts an item (受理) in one of the modes the catalogue allows for it.
     * </pre>
     */
    public void acceptItem(gov.steward.routing.v1.AcceptItemRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.AcceptItemResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getAcceptItemMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Asks the applicant for corrections (补正); the clock pauses until they are recorded.
     * 一次性告知: one round per receipt of materials, within the notice window after receipt; a
     * round after a resubmission concerns only the resubmitted materials and gives its reason.
     * </pre>
     */
    public void requestSupplement(gov.steward.routing.v1.RequestSupplementRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.RequestSupplementResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRequestSupplementMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Records materials the applicant supplied (补正 or 容缺 materials).
     * </pre>
     */
    public void recordSupplement(gov.steward.routing.v1.RecordSupplementRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.RecordSupplementResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRecordSupplementMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Decides an item in review (审查决定): approve (准予许可), reject (不予许可) with the reason, or
     * return it for correction (退回补正) with the reasons. Approving the last item of a stage
     * routes the items that waited on it; approving the last item completes the case.
     * </pre>
     */
    public void decideItem(gov.steward.routing.v1.DecideItemRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.DecideItemResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDecideItemMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * AcceptItem for up to 100 items in one call, for department systems that settle many at once.
     * Each entry is a request of its own, exactly as AcceptItem takes it (its own request_id, the
     * same idempotency: an entry retried later, in a batch or as AcceptItem, is a repeat), and gets
     * a result of its own, in the order of the entries: OK with the item as it left it, or the
     * refusal AcceptItem would have answered (its code and message, google.rpc.ErrorInfo and
     * google.rpc.BadRequest in `status.details`). A refused entry changes nothing and does not stop
     * the others. The call itself fails only when the whole request is bad (no entries, more than
     * 100) or the service cannot answer (UNAVAILABLE: retry with the same request ids).
     * </pre>
     */
    public void acceptItems(gov.steward.routing.v1.AcceptItemsRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.AcceptItemsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getAcceptItemsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * DecideItem for up to 100 items in one call; entries and results as in AcceptItems.
     * </pre>
     */
    public void decideItems(gov.steward.routing.v1.DecideItemsRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.DecideItemsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDecideItemsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Pauses the clock for a period the law excludes (expert review, hearing...) and resumes it.
     * </pre>
     */
    public void pauseClock(gov.steward.routing.v1.PauseClockRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.PauseClockResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getPauseClockMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Resumes a clock paused for an excluded period; the deadlines move by the paused working days.
     * </pre>
     */
    public void resumeClock(gov.steward.routing.v1.ResumeClockRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.ResumeClockResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getResumeClockMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Records the post-approval verification (审后核查) of an item approved on commitment. A false
     * commitment revokes the approval and bars the enterprise from 告知承诺 and 容缺 for a period.
     * </pre>
     */
    public void recordVerification(gov.steward.routing.v1.RecordVerificationRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.RecordVerificationResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRecordVerificationMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Asks another department's opinion; no answer within the rule's days counts as consent.
     * </pre>
     */
    public void requestConsultation(gov.steward.routing.v1.RequestConsultationRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.RequestConsultationResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRequestConsultationMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * The consulted department answers (征求意见答复): agree or not, with the reason.
     * </pre>
     */
    public void answerConsultation(gov.steward.routing.v1.AnswerConsultationRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.AnswerConsultationResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getAnswerConsultationMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service DepartmentGatewayService.
   * <pre>
   * The department gateway (部门对接网关): department approval systems (部门审批系统) receive and
   * decide their items (审批事项) here. A department sees and acts on its own items in its own region
   * only: any other item, existing or not, is NOT_FOUND, with the same message.
   * Calls carry `authorization: Bearer &lt;token&gt;`, a token of the region with role "department" and
   * the department's code (see the README, "Integrating a department system"). Ids are UUIDs in
   * their canonical text form. Every mutation carries a `request_id` the caller chooses: 1 to 128
   * characters of A-Z a-z 0-9 and `_ . : -`, unique per department. A repeat of the same request
   * (same id, item and action) does nothing again and answers with the item as it is now; the same
   * id for another item or another action is ALREADY_EXISTS with reason REQUEST_ID_REUSED and
   * changes nothing. Deriving the id from the item and the action (`approve-&lt;item id&gt;`) makes a
   * client's retries and replays safe.
   * Refusals carry google.rpc.ErrorInfo (domain "steward.gov", reason one of
   * steward.errors.v1.ErrorReason without its prefix) and, for bad input, google.rpc.BadRequest
   * naming every offending field.
   * </pre>
   */
  public static final class DepartmentGatewayServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<DepartmentGatewayServiceBlockingV2Stub> {
    private DepartmentGatewayServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected DepartmentGatewayServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new DepartmentGatewayServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * Lists the calling department's items in the calling region (without planned items or items
     * forwarded to the city), oldest first, with the feed cursor of the list's snapshot: watch from
     * that cursor to receive exactly the changes after what the list shows, none twice.
     * </pre>
     */
    public gov.steward.routing.v1.ListAssignmentsResponse listAssignments(gov.steward.routing.v1.ListAssignmentsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListAssignmentsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Streams the department's assignment feed (任务流): every change to one of its items, in the
     * order they committed, first everything after the cursor, then changes as they happen.
     * Reconnecting with the last cursor received misses nothing and repeats nothing.
     * One message per command (or scheduler step) that changed an item, carrying the item as that
     * command left it; intermediate states inside one command are not streamed. So:
     * - a plan or an approved prerequisite routes an item: ITEM_STATE_ROUTED;
     * - a normal or 容缺 (tolerant) acceptance streams ITEM_STATE_IN_REVIEW (never ACCEPTED; review
     *   starts with acceptance), a 告知承诺 (commitment) acceptance ITEM_STATE_APPROVED;
     * - a decision, a supplement (补正), a clock pause or resume, a verification: the item after it;
     * - the department's own lights (电子监察): a yellow light (黄灯) one working day before the
     *   committed deadline sets `item.clock.warned_at`, a red light (红灯) once the deadline has
     *   passed sets `item.clock.overdue_at`; the state does not change;
     * - the joint meeting (联席会议) reassigns an item to another department: the old department's
     *   stream gets one last message for it whose `item.department_code` is the NEW department
     *   (state ITEM_STATE_ROUTED); the item is gone for the old department from then on (NOT_FOUND),
     *   and the new department's stream gets the same change as a routed item;
     * - a plan revision that drops an item: ITEM_STATE_CANCELLED.
     * A message never carries another department's item except that last message of a reassignment.
     * </pre>
     */
    @io.grpc.ExperimentalApi("https://github.com/grpc/grpc-java/issues/10918")
    public io.grpc.stub.BlockingClientCall<?, gov.steward.routing.v1.WatchAssignmentsResponse>
        watchAssignments(gov.steward.routing.v1.WatchAssignmentsRequest request) {
      return io.grpc.stub.ClientCalls.blockingV2ServerStreamingCall(
          getChannel(), getWatchAssignmentsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Accepts an item (受理) in one of the modes the catalogue allows for it.
     * </pre>
     */
    public gov.steward.routing.v1.AcceptItemResponse acceptItem(gov.steward.routing.v1.AcceptItemRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getAcceptItemMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Asks the applicant for corrections (补正); the clock pauses until they are recorded.
     * 一次性告知: one round per receipt of materials, within the notice window after receipt; a
     * round after a resubmission concerns only the resubmitted materials and gives its reason.
     * </pre>
     */
    public gov.steward.routing.v1.RequestSupplementResponse requestSupplement(gov.steward.routing.v1.RequestSupplementRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getRequestSupplementMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Records materials the applicant supplied (补正 or 容缺 materials).
     * </pre>
     */
    public gov.steward.routing.v1.RecordSupplementResponse recordSupplement(gov.steward.routing.v1.RecordSupplementRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getRecordSupplementMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Decides an item in review (审查决定): approve (准予许可), reject (不予许可) with the reason, or
     * return it for correction (退回补正) with the reasons. Approving the last item of a stage
     * routes the items that waited on it; approving the last item completes the case.
     * </pre>
     */
    public gov.steward.routing.v1.DecideItemResponse decideItem(gov.steward.routing.v1.DecideItemRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getDecideItemMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * AcceptItem for up to 100 items in one call, for department systems that settle many at once.
     * Each entry is a request of its own, exactly as AcceptItem takes it (its own request_id, the
     * same idempotency: an entry retried later, in a batch or as AcceptItem, is a repeat), and gets
     * a result of its own, in the order of the entries: OK with the item as it left it, or the
     * refusal AcceptItem would have answered (its code and message, google.rpc.ErrorInfo and
     * google.rpc.BadRequest in `status.details`). A refused entry changes nothing and does not stop
     * the others. The call itself fails only when the whole request is bad (no entries, more than
     * 100) or the service cannot answer (UNAVAILABLE: retry with the same request ids).
     * </pre>
     */
    public gov.steward.routing.v1.AcceptItemsResponse acceptItems(gov.steward.routing.v1.AcceptItemsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getAcceptItemsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * DecideItem for up to 100 items in one call; entries and results as in AcceptItems.
     * </pre>
     */
    public gov.steward.routing.v1.DecideItemsResponse decideItems(gov.steward.routing.v1.DecideItemsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getDecideItemsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Pauses the clock for a period the law excludes (expert review, hearing...) and resumes it.
     * </pre>
     */
    public gov.steward.routing.v1.PauseClockResponse pauseClock(gov.steward.routing.v1.PauseClockRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getPauseClockMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Resumes a clock paused for an excluded period; the deadlines move by the paused working days.
     * </pre>
     */
    public gov.steward.routing.v1.ResumeClockResponse resumeClock(gov.steward.routing.v1.ResumeClockRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getResumeClockMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Records the post-approval verification (审后核查) of an item approved on commitment. A false
     * commitment revokes the approval and bars the enterprise from 告知承诺 and 容缺 for a period.
     * </pre>
     */
    public gov.steward.routing.v1.RecordVerificationResponse recordVerification(gov.steward.routing.v1.RecordVerificationRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getRecordVerificationMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Asks another department's opinion; no answer within the rule's days counts as consent.
     * </pre>
     */
    public gov.steward.routing.v1.RequestConsultationResponse requestConsultation(gov.steward.routing.v1.RequestConsultationRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getRequestConsultationMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * The consulted department answers (征求意见答复): agree or not, with the reason.
     * </pre>
     */
    public gov.steward.routing.v1.AnswerConsultationResponse answerConsultation(gov.steward.routing.v1.AnswerConsultationRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getAnswerConsultationMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service DepartmentGatewayService.
   * <pre>
   * The department gateway (部门对接网关): department approval systems (部门审批系统) receive and
   * decide their items (审批事项) here. A department sees and acts on its own items in its own region
   * only: any other item, existing or not, is NOT_FOUND, with the same message.
   * Calls carry `authorization: Bearer &lt;token&gt;`, a token of the region with role "department" and
   * the department's code (see the README, "Integrating a department system"). Ids are UUIDs in
   * their canonical text form. Every mutation carries a `request_id` the caller chooses: 1 to 128
   * characters of A-Z a-z 0-9 and `_ . : -`, unique per department. A repeat of the same request
   * (same id, item and action) does nothing again and answers with the item as it is now; the same
   * id for another item or another action is ALREADY_EXISTS with reason REQUEST_ID_REUSED and
   * changes nothing. Deriving the id from the item and the action (`approve-&lt;item id&gt;`) makes a
   * client's retries and replays safe.
   * Refusals carry google.rpc.ErrorInfo (domain "steward.gov", reason one of
   * steward.errors.v1.ErrorReason without its prefix) and, for bad input, google.rpc.BadRequest
   * naming every offending field.
   * </pre>
   */
  public static final class DepartmentGatewayServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<DepartmentGatewayServiceBlockingStub> {
    private DepartmentGatewayServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected DepartmentGatewayServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new DepartmentGatewayServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Lists the calling department's items in the calling region (without planned items or items
     * forwarded to the city), oldest first, with the feed cursor of the list's snapshot: watch from
     * that cursor to receive exactly the changes after what the list shows, none twice.
     * </pre>
     */
    public gov.steward.routing.v1.ListAssignmentsResponse listAssignments(gov.steward.routing.v1.ListAssignmentsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListAssignmentsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Streams the department's assignment feed (任务流): every change to one of its items, in the
     * order they committed, first everything after the cursor, then changes as they happen.
     * Reconnecting with the last cursor received misses nothing and repeats nothing.
     * One message per command (or scheduler step) that changed an item, carrying the item as that
     * command left it; intermediate states inside one command are not streamed. So:
     * - a plan or an approved prerequisite routes an item: ITEM_STATE_ROUTED;
     * - a normal or 容缺 (tolerant) acceptance streams ITEM_STATE_IN_REVIEW (never ACCEPTED; review
     *   starts with acceptance), a 告知承诺 (commitment) acceptance ITEM_STATE_APPROVED;
     * - a decision, a supplement (补正), a clock pause or resume, a verification: the item after it;
     * - the department's own lights (电子监察): a yellow light (黄灯) one working day before the
     *   committed deadline sets `item.clock.warned_at`, a red light (红灯) once the deadline has
     *   passed sets `item.clock.overdue_at`; the state does not change;
     * - the joint meeting (联席会议) reassigns an item to another department: the old department's
     *   stream gets one last message for it whose `item.department_code` is the NEW department
     *   (state ITEM_STATE_ROUTED); the item is gone for the old department from then on (NOT_FOUND),
     *   and the new department's stream gets the same change as a routed item;
     * - a plan revision that drops an item: ITEM_STATE_CANCELLED.
     * A message never carries another department's item except that last message of a reassignment.
     * </pre>
     */
    public java.util.Iterator<gov.steward.routing.v1.WatchAssignmentsResponse> watchAssignments(
        gov.steward.routing.v1.WatchAssignmentsRequest request) {
      return io.grpc.stub.ClientCalls.blockingServerStreamingCall(
          getChannel(), getWatchAssignmentsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Accepts an item (受理) in one of the modes the catalogue allows for it.
     * </pre>
     */
    public gov.steward.routing.v1.AcceptItemResponse acceptItem(gov.steward.routing.v1.AcceptItemRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getAcceptItemMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Asks the applicant for corrections (补正); the clock pauses until they are recorded.
     * 一次性告知: one round per receipt of materials, within the notice window after receipt; a
     * round after a resubmission concerns only the resubmitted materials and gives its reason.
     * </pre>
     */
    public gov.steward.routing.v1.RequestSupplementResponse requestSupplement(gov.steward.routing.v1.RequestSupplementRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRequestSupplementMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Records materials the applicant supplied (补正 or 容缺 materials).
     * </pre>
     */
    public gov.steward.routing.v1.RecordSupplementResponse recordSupplement(gov.steward.routing.v1.RecordSupplementRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRecordSupplementMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Decides an item in review (审查决定): approve (准予许可), reject (不予许可) with the reason, or
     * return it for correction (退回补正) with the reasons. Approving the last item of a stage
     * routes the items that waited on it; approving the last item completes the case.
     * </pre>
     */
    public gov.steward.routing.v1.DecideItemResponse decideItem(gov.steward.routing.v1.DecideItemRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDecideItemMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * AcceptItem for up to 100 items in one call, for department systems that settle many at once.
     * Each entry is a request of its own, exactly as AcceptItem takes it (its own request_id, the
     * same idempotency: an entry retried later, in a batch or as AcceptItem, is a repeat), and gets
     * a result of its own, in the order of the entries: OK with the item as it left it, or the
     * refusal AcceptItem would have answered (its code and message, google.rpc.ErrorInfo and
     * google.rpc.BadRequest in `status.details`). A refused entry changes nothing and does not stop
     * the others. The call itself fails only when the whole request is bad (no entries, more than
     * 100) or the service cannot answer (UNAVAILABLE: retry with the same request ids).
     * </pre>
     */
    public gov.steward.routing.v1.AcceptItemsResponse acceptItems(gov.steward.routing.v1.AcceptItemsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getAcceptItemsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * DecideItem for up to 100 items in one call; entries and results as in AcceptItems.
     * </pre>
     */
    public gov.steward.routing.v1.DecideItemsResponse decideItems(gov.steward.routing.v1.DecideItemsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDecideItemsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Pauses the clock for a period the law excludes (expert review, hearing...) and resumes it.
     * </pre>
     */
    public gov.steward.routing.v1.PauseClockResponse pauseClock(gov.steward.routing.v1.PauseClockRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getPauseClockMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Resumes a clock paused for an excluded period; the deadlines move by the paused working days.
     * </pre>
     */
    public gov.steward.routing.v1.ResumeClockResponse resumeClock(gov.steward.routing.v1.ResumeClockRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getResumeClockMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Records the post-approval verification (审后核查) of an item approved on commitment. A false
     * commitment revokes the approval and bars the enterprise from 告知承诺 and 容缺 for a period.
     * </pre>
     */
    public gov.steward.routing.v1.RecordVerificationResponse recordVerification(gov.steward.routing.v1.RecordVerificationRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRecordVerificationMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Asks another department's opinion; no answer within the rule's days counts as consent.
     * </pre>
     */
    public gov.steward.routing.v1.RequestConsultationResponse requestConsultation(gov.steward.routing.v1.RequestConsultationRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRequestConsultationMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * The consulted department answers (征求意见答复): agree or not, with the reason.
     * </pre>
     */
    public gov.steward.routing.v1.AnswerConsultationResponse answerConsultation(gov.steward.routing.v1.AnswerConsultationRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getAnswerConsultationMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service DepartmentGatewayService.
   * <pre>
   * The department gateway (部门对接网关): department approval systems (部门审批系统) receive and
   * decide their items (审批事项) here. A department sees and acts on its own items in its own region
   * only: any other item, existing or not, is NOT_FOUND, with the same message.
   * Calls carry `authorization: Bearer &lt;token&gt;`, a token of the region with role "department" and
   * the department's code (see the README, "Integrating a department system"). Ids are UUIDs in
   * their canonical text form. Every mutation carries a `request_id` the caller chooses: 1 to 128
   * characters of A-Z a-z 0-9 and `_ . : -`, unique per department. A repeat of the same request
   * (same id, item and action) does nothing again and answers with the item as it is now; the same
   * id for another item or another action is ALREADY_EXISTS with reason REQUEST_ID_REUSED and
   * changes nothing. Deriving the id from the item and the action (`approve-&lt;item id&gt;`) makes a
   * client's retries and replays safe.
   * Refusals carry google.rpc.ErrorInfo (domain "steward.gov", reason one of
   * steward.errors.v1.ErrorReason without its prefix) and, for bad input, google.rpc.BadRequest
   * naming every offending field.
   * </pre>
   */
  public static final class DepartmentGatewayServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<DepartmentGatewayServiceFutureStub> {
    private DepartmentGatewayServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected DepartmentGatewayServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new DepartmentGatewayServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Lists the calling department's items in the calling region (without planned items or items
     * forwarded to the city), oldest first, with the feed cursor of the list's snapshot: watch from
     * that cursor to receive exactly the changes after what the list shows, none twice.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.routing.v1.ListAssignmentsResponse> listAssignments(
        gov.steward.routing.v1.ListAssignmentsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListAssignmentsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Accepts an item (受理) in one of the modes the catalogue allows for it.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.routing.v1.AcceptItemResponse> acceptItem(
        gov.steward.routing.v1.AcceptItemRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getAcceptItemMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Asks the applicant for corrections (补正); the clock pauses until they are recorded.
     * 一次性告知: one round per receipt of materials, within the notice window after receipt; a
     * round after a resubmission concerns only the resubmitted materials and gives its reason.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.routing.v1.RequestSupplementResponse> requestSupplement(
        gov.steward.routing.v1.RequestSupplementRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRequestSupplementMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Records materials the applicant supplied (补正 or 容缺 materials).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.routing.v1.RecordSupplementResponse> recordSupplement(
        gov.steward.routing.v1.RecordSupplementRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRecordSupplementMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Decides an item in review (审查决定): approve (准予许可), reject (不予许可) with the reason, or
     * return it for correction (退回补正) with the reasons. Approving the last item of a stage
     * routes the items that waited on it; approving the last item completes the case.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.routing.v1.DecideItemResponse> decideItem(
        gov.steward.routing.v1.DecideItemRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDecideItemMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * AcceptItem for up to 100 items in one call, for department systems that settle many at once.
     * Each entry is a request of its own, exactly as AcceptItem takes it (its own request_id, the
     * same idempotency: an entry retried later, in a batch or as AcceptItem, is a repeat), and gets
     * a result of its own, in the order of the entries: OK with the item as it left it, or the
     * refusal AcceptItem would have answered (its code and message, google.rpc.ErrorInfo and
     * google.rpc.BadRequest in `status.details`). A refused entry changes nothing and does not stop
     * the others. The call itself fails only when the whole request is bad (no entries, more than
     * 100) or the service cannot answer (UNAVAILABLE: retry with the same request ids).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.routing.v1.AcceptItemsResponse> acceptItems(
        gov.steward.routing.v1.AcceptItemsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getAcceptItemsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * DecideItem for up to 100 items in one call; entries and results as in AcceptItems.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.routing.v1.DecideItemsResponse> decideItems(
        gov.steward.routing.v1.DecideItemsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDecideItemsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Pauses the clock for a period the law excludes (expert review, hearing...) and resumes it.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.routing.v1.PauseClockResponse> pauseClock(
        gov.steward.routing.v1.PauseClockRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getPauseClockMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Resumes a clock paused for an excluded period; the deadlines move by the paused working days.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.routing.v1.ResumeClockResponse> resumeClock(
        gov.steward.routing.v1.ResumeClockRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getResumeClockMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Records the post-approval verification (审后核查) of an item approved on commitment. A false
     * commitment revokes the approval and bars the enterprise from 告知承诺 and 容缺 for a period.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.routing.v1.RecordVerificationResponse> recordVerification(
        gov.steward.routing.v1.RecordVerificationRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRecordVerificationMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Asks another department's opinion; no answer within the rule's days counts as consent.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.routing.v1.RequestConsultationResponse> requestConsultation(
        gov.steward.routing.v1.RequestConsultationRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRequestConsultationMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * The consulted department answers (征求意见答复): agree or not, with the reason.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.routing.v1.AnswerConsultationResponse> answerConsultation(
        gov.steward.routing.v1.AnswerConsultationRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getAnswerConsultationMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_LIST_ASSIGNMENTS = 0;
  private static final int METHODID_WATCH_ASSIGNMENTS = 1;
  private static final int METHODID_ACCEPT_ITEM = 2;
  private static final int METHODID_REQUEST_SUPPLEMENT = 3;
  private static final int METHODID_RECORD_SUPPLEMENT = 4;
  private static final int METHODID_DECIDE_ITEM = 5;
  private static final int METHODID_ACCEPT_ITEMS = 6;
  private static final int METHODID_DECIDE_ITEMS = 7;
  private static final int METHODID_PAUSE_CLOCK = 8;
  private static final int METHODID_RESUME_CLOCK = 9;
  private static final int METHODID_RECORD_VERIFICATION = 10;
  private static final int METHODID_REQUEST_CONSULTATION = 11;
  private static final int METHODID_ANSWER_CONSULTATION = 12;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final AsyncService serviceImpl;
    private final int methodId;

    MethodHandlers(AsyncService serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_LIST_ASSIGNMENTS:
          serviceImpl.listAssignments((gov.steward.routing.v1.ListAssignmentsRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.routing.v1.ListAssignmentsResponse>) responseObserver);
          break;
        case METHODID_WATCH_ASSIGNMENTS:
          serviceImpl.watchAssignments((gov.steward.routing.v1.WatchAssignmentsRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.routing.v1.WatchAssignmentsResponse>) responseObserver);
          break;
        case METHODID_ACCEPT_ITEM:
          serviceImpl.acceptItem((gov.steward.routing.v1.AcceptItemRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.routing.v1.AcceptItemResponse>) responseObserver);
          break;
        case METHODID_REQUEST_SUPPLEMENT:
          serviceImpl.requestSupplement((gov.steward.routing.v1.RequestSupplementRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.routing.v1.RequestSupplementResponse>) responseObserver);
          break;
        case METHODID_RECORD_SUPPLEMENT:
          serviceImpl.recordSupplement((gov.steward.routing.v1.RecordSupplementRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.routing.v1.RecordSupplementResponse>) responseObserver);
          break;
        case METHODID_DECIDE_ITEM:
          serviceImpl.decideItem((gov.steward.routing.v1.DecideItemRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.routing.v1.DecideItemResponse>) responseObserver);
          break;
        case METHODID_ACCEPT_ITEMS:
          serviceImpl.acceptItems((gov.steward.routing.v1.AcceptItemsRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.routing.v1.AcceptItemsResponse>) responseObserver);
          break;
        case METHODID_DECIDE_ITEMS:
          serviceImpl.decideItems((gov.steward.routing.v1.DecideItemsRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.routing.v1.DecideItemsResponse>) responseObserver);
          break;
        case METHODID_PAUSE_CLOCK:
          serviceImpl.pauseClock((gov.steward.routing.v1.PauseClockRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.routing.v1.PauseClockResponse>) responseObserver);
          break;
        case METHODID_RESUME_CLOCK:
          serviceImpl.resumeClock((gov.steward.routing.v1.ResumeClockRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.routing.v1.ResumeClockResponse>) responseObserver);
          break;
        case METHODID_RECORD_VERIFICATION:
          serviceImpl.recordVerification((gov.steward.routing.v1.RecordVerificationRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.routing.v1.RecordVerificationResponse>) responseObserver);
          break;
        case METHODID_REQUEST_CONSULTATION:
          serviceImpl.requestConsultation((gov.steward.routing.v1.RequestConsultationRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.routing.v1.RequestConsultationResponse>) responseObserver);
          break;
        case METHODID_ANSWER_CONSULTATION:
          serviceImpl.answerConsultation((gov.steward.routing.v1.AnswerConsultationRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.routing.v1.AnswerConsultationResponse>) responseObserver);
          break;
        default:
          throw new AssertionError();
      }
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public io.grpc.stub.StreamObserver<Req> invoke(
        io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        default:
          throw new AssertionError();
      }
    }
  }

  public static final io.grpc.ServerServiceDefinition bindService(AsyncService service) {
    return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
        .addMethod(
          getListAssignmentsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.routing.v1.ListAssignmentsRequest,
              gov.steward.routing.v1.ListAssignmentsResponse>(
                service, METHODID_LIST_ASSIGNMENTS)))
        .addMethod(
          getWatchAssignmentsMethod(),
          io.grpc.stub.ServerCalls.asyncServerStreamingCall(
            new MethodHandlers<
              gov.steward.routing.v1.WatchAssignmentsRequest,
              gov.steward.routing.v1.WatchAssignmentsResponse>(
                service, METHODID_WATCH_ASSIGNMENTS)))
        .addMethod(
          getAcceptItemMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.routing.v1.AcceptItemRequest,
              gov.steward.routing.v1.AcceptItemResponse>(
                service, METHODID_ACCEPT_ITEM)))
        .addMethod(
          getRequestSupplementMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.routing.v1.RequestSupplementRequest,
              gov.steward.routing.v1.RequestSupplementResponse>(
                service, METHODID_REQUEST_SUPPLEMENT)))
        .addMethod(
          getRecordSupplementMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.routing.v1.RecordSupplementRequest,
              gov.steward.routing.v1.RecordSupplementResponse>(
                service, METHODID_RECORD_SUPPLEMENT)))
        .addMethod(
          getDecideItemMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.routing.v1.DecideItemRequest,
              gov.steward.routing.v1.DecideItemResponse>(
                service, METHODID_DECIDE_ITEM)))
        .addMethod(
          getAcceptItemsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.routing.v1.AcceptItemsRequest,
              gov.steward.routing.v1.AcceptItemsResponse>(
                service, METHODID_ACCEPT_ITEMS)))
        .addMethod(
          getDecideItemsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.routing.v1.DecideItemsRequest,
              gov.steward.routing.v1.DecideItemsResponse>(
                service, METHODID_DECIDE_ITEMS)))
        .addMethod(
          getPauseClockMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.routing.v1.PauseClockRequest,
              gov.steward.routing.v1.PauseClockResponse>(
                service, METHODID_PAUSE_CLOCK)))
        .addMethod(
          getResumeClockMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.routing.v1.ResumeClockRequest,
              gov.steward.routing.v1.ResumeClockResponse>(
                service, METHODID_RESUME_CLOCK)))
        .addMethod(
          getRecordVerificationMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.routing.v1.RecordVerificationRequest,
              gov.steward.routing.v1.RecordVerificationResponse>(
                service, METHODID_RECORD_VERIFICATION)))
        .addMethod(
          getRequestConsultationMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.routing.v1.RequestConsultationRequest,
              gov.steward.routing.v1.RequestConsultationResponse>(
                service, METHODID_REQUEST_CONSULTATION)))
        .addMethod(
          getAnswerConsultationMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.routing.v1.AnswerConsultationRequest,
              gov.steward.routing.v1.AnswerConsultationResponse>(
                service, METHODID_ANSWER_CONSULTATION)))
        .build();
  }

  private static abstract class DepartmentGatewayServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    DepartmentGatewayServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return gov.steward.routing.v1.RoutingProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("DepartmentGatewayService");
    }
  }

  private static final class DepartmentGatewayServiceFileDescriptorSupplier
      extends DepartmentGatewayServiceBaseDescriptorSupplier {
    DepartmentGatewayServiceFileDescriptorSupplier() {}
  }

  private static final class DepartmentGatewayServiceMethodDescriptorSupplier
      extends DepartmentGatewayServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    DepartmentGatewayServiceMethodDescriptorSupplier(java.lang.String methodName) {
      this.methodName = methodName;
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.MethodDescriptor getMethodDescriptor() {
      return getServiceDescriptor().findMethodByName(methodName);
    }
  }

  private static volatile io.grpc.ServiceDescriptor serviceDescriptor;

  public static io.grpc.ServiceDescriptor getServiceDescriptor() {
    io.grpc.ServiceDescriptor result = serviceDescriptor;
    if (result == null) {
      synchronized (DepartmentGatewayServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new DepartmentGatewayServiceFileDescriptorSupplier())
              .addMethod(getListAssignmentsMethod())
              .addMethod(getWatchAssignmentsMethod())
              .addMethod(getAcceptItemMethod())
              .addMethod(getRequestSupplementMethod())
              .addMethod(getRecordSupplementMethod())
              .addMethod(getDecideItemMethod())
              .addMethod(getAcceptItemsMethod())
              .addMethod(getDecideItemsMethod())
              .addMethod(getPauseClockMethod())
              .addMethod(getResumeClockMethod())
              .addMethod(getRecordVerificationMethod())
              .addMethod(getRequestConsultationMethod())
              .addMethod(getAnswerConsultationMethod())
              .build();
        }
      }
    }
    return result;
  }
}

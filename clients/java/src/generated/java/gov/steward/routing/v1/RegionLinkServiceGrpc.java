package gov.steward.routing.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Vertical linkage (纵向联动) between a county's routing service and the city's. An item of city
 * jurisdiction in a county case is forwarded to the city, decided by a city department there, and
 * its state flows back so the county case sees one consistent item.
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class RegionLinkServiceGrpc {

  private RegionLinkServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "steward.routing.v1.RegionLinkService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<gov.steward.routing.v1.ForwardItemRequest,
      gov.steward.routing.v1.ForwardItemResponse> getForwardItemMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ForwardItem",
      requestType = gov.steward.routing.v1.ForwardItemRequest.class,
      responseType = gov.steward.routing.v1.ForwardItemResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.routing.v1.ForwardItemRequest,
      gov.steward.routing.v1.ForwardItemResponse> getForwardItemMethod() {
    io.grpc.MethodDescriptor<gov.steward.routing.v1.ForwardItemRequest, gov.steward.routing.v1.ForwardItemResponse> getForwardItemMethod;
    if ((getForwardItemMethod = RegionLinkServiceGrpc.getForwardItemMethod) == null) {
      synchronized (RegionLinkServiceGrpc.class) {
        if ((getForwardItemMethod = RegionLinkServiceGrpc.getForwardItemMethod) == null) {
          RegionLinkServiceGrpc.getForwardItemMethod = getForwardItemMethod =
              io.grpc.MethodDescriptor.<gov.steward.routing.v1.ForwardItemRequest, gov.steward.routing.v1.ForwardItemResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ForwardItem"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.ForwardItemRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.ForwardItemResponse.getDefaultInstance()))
              .setSchemaDescriptor(new RegionLinkServiceMethodDescriptorSupplier("ForwardItem"))
              .build();
        }
      }
    }
    return getForwardItemMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.routing.v1.ReportForwardedItemRequest,
      gov.steward.routing.v1.ReportForwardedItemResponse> getReportForwardedItemMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ReportForwardedItem",
      requestType = gov.steward.routing.v1.ReportForwardedItemRequest.class,
      responseType = gov.steward.routing.v1.ReportForwardedItemResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.routing.v1.ReportForwardedItemRequest,
      gov.steward.routing.v1.ReportForwardedItemResponse> getReportForwardedItemMethod() {
    io.grpc.MethodDescriptor<gov.steward.routing.v1.ReportForwardedItemRequest, gov.steward.routing.v1.ReportForwardedItemResponse> getReportForwardedItemMethod;
    if ((getReportForwardedItemMethod = RegionLinkServiceGrpc.getReportForwardedItemMethod) == null) {
      synchronized (RegionLinkServiceGrpc.class) {
        if ((getReportForwardedItemMethod = RegionLinkServiceGrpc.getReportForwardedItemMethod) == null) {
          RegionLinkServiceGrpc.getReportForwardedItemMethod = getReportForwardedItemMethod =
              io.grpc.MethodDescriptor.<gov.steward.routing.v1.ReportForwardedItemRequest, gov.steward.routing.v1.ReportForwardedItemResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ReportForwardedItem"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.ReportForwardedItemRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.ReportForwardedItemResponse.getDefaultInstance()))
              .setSchemaDescriptor(new RegionLinkServiceMethodDescriptorSupplier("ReportForwardedItem"))
              .build();
        }
      }
    }
    return getReportForwardedItemMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.routing.v1.ReportCommitmentBarRequest,
      gov.steward.routing.v1.ReportCommitmentBarResponse> getReportCommitmentBarMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ReportCommitmentBar",
      requestType = gov.steward.routing.v1.ReportCommitmentBarRequest.class,
      responseType = gov.steward.routing.v1.ReportCommitmentBarResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.routing.v1.ReportCommitmentBarRequest,
      gov.steward.routing.v1.ReportCommitmentBarResponse> getReportCommitmentBarMethod() {
    io.grpc.MethodDescriptor<gov.steward.routing.v1.ReportCommitmentBarRequest, gov.steward.routing.v1.ReportCommitmentBarResponse> getReportCommitmentBarMethod;
    if ((getReportCommitmentBarMethod = RegionLinkServiceGrpc.getReportCommitmentBarMethod) == null) {
      synchronized (RegionLinkServiceGrpc.class) {
        if ((getReportCommitmentBarMethod = RegionLinkServiceGrpc.getReportCommitmentBarMethod) == null) {
          RegionLinkServiceGrpc.getReportCommitmentBarMethod = getReportCommitmentBarMethod =
              io.grpc.MethodDescriptor.<gov.steward.routing.v1.ReportCommitmentBarRequest, gov.steward.routing.v1.ReportCommitmentBarResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ReportCommitmentBar"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.ReportCommitmentBarRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.ReportCommitmentBarResponse.getDefaultInstance()))
              .setSchemaDescriptor(new RegionLinkServiceMethodDescriptorSupplier("ReportCommitmentBar"))
              .build();
        }
      }
    }
    return getReportCommitmentBarMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static RegionLinkServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<RegionLinkServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<RegionLinkServiceStub>() {
        @java.lang.Override
        public RegionLinkServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new RegionLinkServiceStub(channel, callOptions);
        }
      };
    return RegionLinkServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static RegionLinkServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<RegionLinkServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<RegionLinkServiceBlockingV2Stub>() {
        @java.lang.Override
        public RegionLinkServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new RegionLinkServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return RegionLinkServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static RegionLinkServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<RegionLinkServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<RegionLinkServiceBlockingStub>() {
        @java.lang.Override
        public RegionLinkServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new RegionLinkServiceBlockingStub(channel, callOptions);
        }
      };
    return RegionLinkServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static RegionLinkServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<RegionLinkServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<RegionLinkServiceFutureStub>() {
        @java.lang.Override
        public RegionLinkServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new RegionLinkServiceFutureStub(channel, callOptions);
        }
      };
    return RegionLinkServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Vertical linkage (纵向联动) between a county's routing service and the city's. An item of city
   * jurisdiction in a county case is forwarded to the city, decided by a city department there, and
   * its state flows back so the county case sees one consistent item.
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * County -&gt; city: take this item into the city's department queues. Idempotent by origin item.
     * </pre>
     */
    default void forwardItem(gov.steward.routing.v1.ForwardItemRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.ForwardItemResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getForwardItemMethod(), responseObserver);
    }

    /**
     * <pre>
     * City -&gt; county: the forwarded item changed state. Idempotent by origin item and sequence.
     * </pre>
     */
    default void reportForwardedItem(gov.steward.routing.v1.ReportForwardedItemRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.ReportForwardedItemResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getReportForwardedItemMethod(), responseObserver);
    }

    /**
     * <pre>
     * County -&gt; city: an enterprise's commitment was found false in the county; the city bars it
     * from 告知承诺 and 容缺 too. Idempotent by origin region and item.
     * </pre>
     */
    default void reportCommitmentBar(gov.steward.routing.v1.ReportCommitmentBarRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.ReportCommitmentBarResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getReportCommitmentBarMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service RegionLinkService.
   * <pre>
   * Vertical linkage (纵向联动) between a county's routing service and the city's. An item of city
   * jurisdiction in a county case is forwarded to the city, decided by a city department there, and
   * its state flows back so the county case sees one consistent item.
   * </pre>
   */
  public static abstract class RegionLinkServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return RegionLinkServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service RegionLinkService.
   * <pre>
   * Vertical linkage (纵向联动) between a county's routing service and the city's. An item of city
   * jurisdiction in a county case is forwarded to the city, decided by a city department there, and
   * its state flows back so the county case sees one consistent item.
   * </pre>
   */
  public static final class RegionLinkServiceStub
      extends io.grpc.stub.AbstractAsyncStub<RegionLinkServiceStub> {
    private RegionLinkServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected RegionLinkServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new RegionLinkServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * County -&gt; city: take this item into the city's department queues. Idempotent by origin item.
     * </pre>
     */
    public void forwardItem(gov.steward.routing.v1.ForwardItemRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.ForwardItemResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getForwardItemMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * City -&gt; county: the forwarded item changed state. Idempotent by origin item and sequence.
     * </pre>
     */
    public void reportForwardedItem(gov.steward.routing.v1.ReportForwardedItemRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.ReportForwardedItemResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getReportForwardedItemMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * County -&gt; city: an enterprise's commitment was found false in the county; the city bars it
     * from 告知承诺 and 容缺 too. Idempotent by origin region and item.
     * </pre>
     */
    public void reportCommitmentBar(gov.steward.routing.v1.ReportCommitmentBarRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.ReportCommitmentBarResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getReportCommitmentBarMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service RegionLinkService.
   * <pre>
   * Vertical linkage (纵向联动) between a county's routing service and the city's. An item of city
   * jurisdiction in a county case is forwarded to the city, decided by a city department there, and
   * its state flows back so the county case sees one consistent item.
   * </pre>
   */
  public static final class RegionLinkServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<RegionLinkServiceBlockingV2Stub> {
    private RegionLinkServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected RegionLinkServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new RegionLinkServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * County -&gt; city: take this item into the city's department queues. Idempotent by origin item.
     * </pre>
     */
    public gov.steward.routing.v1.ForwardItemResponse forwardItem(gov.steward.routing.v1.ForwardItemRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getForwardItemMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * City -&gt; county: the forwarded item changed state. Idempotent by origin item and sequence.
     * </pre>
     */
    public gov.steward.routing.v1.ReportForwardedItemResponse reportForwardedItem(gov.steward.routing.v1.ReportForwardedItemRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getReportForwardedItemMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * County -&gt; city: an enterprise's commitment was found false in the county; the city bars it
     * from 告知承诺 and 容缺 too. Idempotent by origin region and item.
     * </pre>
     */
    public gov.steward.routing.v1.ReportCommitmentBarResponse reportCommitmentBar(gov.steward.routing.v1.ReportCommitmentBarRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getReportCommitmentBarMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service RegionLinkService.
   * <pre>
   * Vertical linkage (纵向联动) between a county's routing service and the city's. An item of city
   * jurisdiction in a county case is forwarded to the city, decided by a city department there, and
   * its state flows back so the county case sees one consistent item.
   * </pre>
   */
  public static final class RegionLinkServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<RegionLinkServiceBlockingStub> {
    private RegionLinkServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected RegionLinkServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new RegionLinkServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * County -&gt; city: take this item into the city's department queues. Idempotent by origin item.
     * </pre>
     */
    public gov.steward.routing.v1.ForwardItemResponse forwardItem(gov.steward.routing.v1.ForwardItemRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getForwardItemMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * City -&gt; county: the forwarded item changed state. Idempotent by origin item and sequence.
     * </pre>
     */
    public gov.steward.routing.v1.ReportForwardedItemResponse reportForwardedItem(gov.steward.routing.v1.ReportForwardedItemRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getReportForwardedItemMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * County -&gt; city: an enterprise's commitment was found false in the county; the city bars it
     * from 告知承诺 and 容缺 too. Idempotent by origin region and item.
     * </pre>
     */
    public gov.steward.routing.v1.ReportCommitmentBarResponse reportCommitmentBar(gov.steward.routing.v1.ReportCommitmentBarRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getReportCommitmentBarMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service RegionLinkService.
   * <pre>
   * Vertical linkage (纵向联动) between a county's routing service and the city's. An item of city
   * jurisdiction in a county case is forwarded to the city, decided by a city department there, and
   * its state flows back so the county case sees one consistent item.
   * </pre>
   */
  public static final class RegionLinkServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<RegionLinkServiceFutureStub> {
    private RegionLinkServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected RegionLinkServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new RegionLinkServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * County -&gt; city: take this item into the city's department queues. Idempotent by origin item.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.routing.v1.ForwardItemResponse> forwardItem(
        gov.steward.routing.v1.ForwardItemRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getForwardItemMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * City -&gt; county: the forwarded item changed state. Idempotent by origin item and sequence.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.routing.v1.ReportForwardedItemResponse> reportForwardedItem(
        gov.steward.routing.v1.ReportForwardedItemRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getReportForwardedItemMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * County -&gt; city: an enterprise's commitment was found false in the county; the city bars it
     * from 告知承诺 and 容缺 too. Idempotent by origin region and item.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.routing.v1.ReportCommitmentBarResponse> reportCommitmentBar(
        gov.steward.routing.v1.ReportCommitmentBarRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getReportCommitmentBarMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_FORWARD_ITEM = 0;
  private static final int METHODID_REPORT_FORWARDED_ITEM = 1;
  private static final int METHODID_REPORT_COMMITMENT_BAR = 2;

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
        case METHODID_FORWARD_ITEM:
          serviceImpl.forwardItem((gov.steward.routing.v1.ForwardItemRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.routing.v1.ForwardItemResponse>) responseObserver);
          break;
        case METHODID_REPORT_FORWARDED_ITEM:
          serviceImpl.reportForwardedItem((gov.steward.routing.v1.ReportForwardedItemRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.routing.v1.ReportForwardedItemResponse>) responseObserver);
          break;
        case METHODID_REPORT_COMMITMENT_BAR:
          serviceImpl.reportCommitmentBar((gov.steward.routing.v1.ReportCommitmentBarRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.routing.v1.ReportCommitmentBarResponse>) responseObserver);
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
          getForwardItemMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.routing.v1.ForwardItemRequest,
              gov.steward.routing.v1.ForwardItemResponse>(
                service, METHODID_FORWARD_ITEM)))
        .addMethod(
          getReportForwardedItemMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.routing.v1.ReportForwardedItemRequest,
              gov.steward.routing.v1.ReportForwardedItemResponse>(
                service, METHODID_REPORT_FORWARDED_ITEM)))
        .addMethod(
          getReportCommitmentBarMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.routing.v1.ReportCommitmentBarRequest,
              gov.steward.routing.v1.ReportCommitmentBarResponse>(
                service, METHODID_REPORT_COMMITMENT_BAR)))
        .build();
  }

  private static abstract class RegionLinkServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    RegionLinkServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return gov.steward.routing.v1.LinkageProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("RegionLinkService");
    }
  }

  private static final class RegionLinkServiceFileDescriptorSupplier
      extends RegionLinkServiceBaseDescriptorSupplier {
    RegionLinkServiceFileDescriptorSupplier() {}
  }

  private static final class RegionLinkServiceMethodDescriptorSupplier
      extends RegionLinkServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    RegionLinkServiceMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (RegionLinkServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new RegionLinkServiceFileDescriptorSupplier())
              .addMethod(getForwardItemMethod())
              .addMethod(getReportForwardedItemMethod())
              .addMethod(getReportCommitmentBarMethod())
              .build();
        }
      }
    }
    return result;
  }
}
